// Step 5: VPN provider, protocol and credentials. Credentials go straight to the vault and live only in this form.
import { Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { vpnProviders, type UpsError, type VpnProvider, type WizardDraft } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { StepFrame } from './StepFrame';
import { isSet, useSecretsStatus } from './use-secrets-status';
import { useWizard } from './use-wizard';
import { defaultVpn, validateStep, type FieldErrors } from './validation';
import { emptyCredentials, kindsFor, nordHint, secretsFor, secretsToStore, validateCredentials, type CredentialForm, type CredentialKind } from './vpn-credentials';
import { useUps } from '../ups-context';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' } });
type Vpn = NonNullable<WizardDraft['vpn']>;
const kindLabel: Record<CredentialKind, string> = { userpass: 'Service user name and password', wgkey: 'WireGuard private key', nordtoken: 'NordVPN access token' };

export function VpnStep() {
  const s = useStyles();
  const api = useUps();
  const w = useWizard();
  const [secrets, reloadSecrets] = useSecretsStatus();
  const [vpn, setVpn] = useState<Vpn>(w.state.draft.vpn ?? defaultVpn);
  const [countries, setCountries] = useState(vpn.serverCountries.join(', '));
  const [cred, setCred] = useState<CredentialForm>(emptyCredentials(kindsFor(vpn.provider, vpn.type)[0]!));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<UpsError>();
  const [busy, setBusy] = useState<string>();
  const kinds = kindsFor(vpn.provider, vpn.type);
  const kind = kinds.includes(cred.kind) ? cred.kind : kinds[0]!;
  const stored = secretsFor[kind].every((n) => isSet(secrets, n));
  const typed = Boolean(cred.user || cred.password || cred.privateKey || cred.token);
  const changeVpn = (next: Vpn) => {
    setVpn(next);
    if (!kindsFor(next.provider, next.type).includes(cred.kind)) setCred(emptyCredentials(kindsFor(next.provider, next.type)[0]!));
  };
  const onNext = async () => {
    const draftVpn: Vpn = { ...vpn, serverCountries: countries.split(',').map((c) => c.trim()).filter(Boolean) };
    const form = { ...cred, kind };
    // Already stored and nothing new typed: keep what the vault has (this is how a resumed wizard passes the step).
    const credErrors = stored && !typed ? {} : validateCredentials(vpn.provider, form);
    const found = { ...validateStep('vpn', { ...w.state.draft, vpn: draftVpn }), ...credErrors };
    setErrors(found);
    if (Object.keys(found).length) return;
    if (typed) {
      setBusy('Storing the credentials…');
      for (const secret of secretsToStore(form)) {
        const res = await api.invoke('secrets.set', secret);
        if (!res.ok) {
          setBusy(undefined);
          return setSaveError(res.error);
        }
      }
      setCred(emptyCredentials(kind));
      setBusy(undefined);
      void reloadSecrets();
    }
    setSaveError(undefined);
    await w.next({ vpn: draftVpn });
  };
  const err = (k: string) => ({ validationMessage: errors[k], validationState: errors[k] ? ('error' as const) : ('none' as const) });
  const hint = stored ? 'Already stored: leave empty to keep it, or type a new value to replace it.' : undefined;
  return (
    <StepFrame title="Your VPN" intro="Downloads only ever leave through your VPN: if the tunnel drops, they stop." onBack={() => void w.back()} onNext={() => void onNext()} busy={busy}>
      <div className={s.form}>
        <Field label="VPN provider" {...err('vpn.provider')}>
          <Dropdown value={vpn.provider} selectedOptions={[vpn.provider]} onOptionSelect={(_, d) => d.optionValue && changeVpn({ ...vpn, provider: d.optionValue as VpnProvider })} data-testid="field-provider">
            {vpnProviders.map((p) => (
              <Option key={p} value={p}>
                {p}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Protocol" {...err('vpn.type')}>
          <RadioGroup value={vpn.type} onChange={(_, d) => changeVpn({ ...vpn, type: d.value as Vpn['type'] })} layout="horizontal">
            <Radio value="openvpn" label="OpenVPN" />
            <Radio value="wireguard" label="WireGuard" />
          </RadioGroup>
        </Field>
        <Field label="Server countries (optional, comma separated)" hint="As your provider names them, e.g. Netherlands, Switzerland" {...err('vpn.serverCountries.0')}>
          <Input value={countries} onChange={(_, d) => setCountries(d.value)} />
        </Field>
        {vpn.provider === 'nordvpn' && (
          <MessageBar intent="info" layout="multiline" data-testid="nord-hint">
            <MessageBarBody>{nordHint}</MessageBarBody>
          </MessageBar>
        )}
        {kinds.length > 1 && (
          <Field label="Sign in with">
            <RadioGroup value={kind} onChange={(_, d) => setCred(emptyCredentials(d.value as CredentialKind))}>
              {kinds.map((k) => (
                <Radio key={k} value={k} label={kindLabel[k]} />
              ))}
            </RadioGroup>
          </Field>
        )}
        {kind === 'userpass' && (
          <>
            <Field label="VPN service user name" hint={hint} {...err('vpn.user')}>
              <Input value={cred.user} onChange={(_, d) => setCred({ ...cred, kind, user: d.value })} autoComplete="off" data-testid="field-vpn-user" />
            </Field>
            <Field label="VPN service password" {...err('vpn.password')}>
              <Input type="password" value={cred.password} onChange={(_, d) => setCred({ ...cred, kind, password: d.value })} autoComplete="off" data-testid="field-vpn-password" />
            </Field>
          </>
        )}
        {kind === 'wgkey' && (
          <Field label="WireGuard private key" hint={hint} {...err('vpn.privateKey')}>
            <Input type="password" value={cred.privateKey} onChange={(_, d) => setCred({ ...cred, kind, privateKey: d.value })} autoComplete="off" />
          </Field>
        )}
        {kind === 'nordtoken' && (
          <Field label="NordVPN access token" hint={hint ?? 'Nord Account → NordVPN → Set up NordVPN manually → Generate new token'} {...err('vpn.token')}>
            <Input type="password" value={cred.token} onChange={(_, d) => setCred({ ...cred, kind, token: d.value })} autoComplete="off" />
          </Field>
        )}
        {secrets.phase === 'ready' && <Text size={200}>Stored in {secrets.status.backend}, never in a file.</Text>}
      </div>
      {secrets.phase === 'error' && <ErrorBar title="The credential store cannot be read" error={secrets.error} />}
      {saveError && <ErrorBar title="The credentials could not be stored" error={saveError} testId="vpn-save-error" />}
    </StepFrame>
  );
}
