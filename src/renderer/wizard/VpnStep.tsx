// Step 5: VPN provider, protocol and credentials, offered from the provider table (only combinations gluetun accepts,
// exactly the fields each needs). Credentials go straight to the vault and live only in this form.
import {
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import {
  vpnFields,
  vpnProviders,
  vpnRule,
  vpnTypesFor,
  type UpsError,
  type VpnProvider,
  type VpnType,
  type WizardDraft,
} from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { StepFrame } from './StepFrame';
import { isSet, useSecretsStatus } from './use-secrets-status';
import { useWizard } from './use-wizard';
import { defaultVpn, validateStep, type FieldErrors } from './validation';
import {
  emptyCredentials,
  isTyped,
  modesFor,
  nordHint,
  requiredSecrets,
  secretFieldsFor,
  secretsToStore,
  validateCredentials,
  type CredentialForm,
  type CredentialMode,
  type SecretField,
} from './vpn-credentials';
import { useUps } from '../ups-context';
import { vpnProviderName } from '../display-names';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
});
type Vpn = NonNullable<WizardDraft['vpn']>;
const typeLabel: Record<VpnType, string> = { openvpn: 'OpenVPN', wireguard: 'WireGuard' };
const modeLabel = (mode: CredentialMode, type: VpnType) =>
  mode === 'nordtoken'
    ? 'NordVPN access token (recommended)'
    : type === 'wireguard'
      ? 'WireGuard private key'
      : 'Service user name and password';

/** A file field: pick the file or paste its text; the content is converted and stored in the vault, never saved. */
function FileField({
  field,
  value,
  onChange,
  error,
  hint,
}: {
  field: SecretField;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
}) {
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    onChange(
      typeof file.text === 'function'
        ? await file.text()
        : await new Promise<string>((ok, ko) =>
            Object.assign(new FileReader(), {
              onload: (e: ProgressEvent<FileReader>) => ok(String(e.target?.result ?? '')),
              onerror: ko,
            }).readAsText(file),
          ),
    );
  };
  return (
    <Field
      label={`${field.spec.label}${field.required ? '' : ' (optional)'}`}
      hint={hint ?? `${field.spec.hint} Pick the file or paste its text.`}
      validationMessage={error}
      validationState={error ? 'error' : 'none'}
    >
      <input
        type="file"
        accept=".crt,.key,.pem,.ovpn,text/plain"
        aria-label={`${field.spec.label} file`}
        data-testid={`file-${field.id}`}
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
      <Textarea
        value={value}
        onChange={(_, d) => onChange(d.value)}
        resize="vertical"
        data-testid={`field-${field.id}`}
        placeholder="-----BEGIN …-----"
      />
    </Field>
  );
}

export function VpnStep() {
  const s = useStyles();
  const api = useUps();
  const w = useWizard();
  const [secrets, reloadSecrets] = useSecretsStatus();
  const [vpn, setVpn] = useState<Vpn>(w.state.draft.vpn ?? defaultVpn);
  const [countries, setCountries] = useState(vpn.serverCountries.join(', '));
  const [addresses, setAddresses] = useState((vpn.wireguardAddresses ?? []).join(', '));
  const [cred, setCred] = useState<CredentialForm>(emptyCredentials(modesFor(vpn.provider)[0]!));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<UpsError>();
  const [busy, setBusy] = useState<string>();
  const modes = modesFor(vpn.provider);
  const mode = modes.includes(cred.mode) ? cred.mode : modes[0]!;
  const form: CredentialForm = { ...cred, mode };
  const rule = vpnRule(vpn.provider, vpn.type);
  const stored = requiredSecrets(vpn.provider, vpn.type).every((n) => isSet(secrets, n));
  const typed = isTyped(form);
  const wantsAddress = rule ? [...rule.required, ...rule.optional].includes('wireguardAddresses') : false;
  const addressRequired = rule?.required.includes('wireguardAddresses') ?? false;

  const changeVpn = (next: Vpn) => {
    // Only combinations the table offers: a provider without the chosen protocol switches to one it has.
    const types = vpnTypesFor(next.provider);
    const fixed = types.includes(next.type) ? next : { ...next, type: types[0]! };
    setVpn(fixed);
    setErrors({});
    if (fixed.provider !== vpn.provider || fixed.type !== vpn.type)
      setCred(emptyCredentials(modesFor(fixed.provider)[0]!));
  };
  const onNext = async () => {
    const list = (text: string) =>
      text
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
    const draftVpn: Vpn = {
      ...vpn,
      serverCountries: list(countries),
      wireguardAddresses: wantsAddress ? list(addresses) : [],
    };
    // Already stored and nothing new typed: keep what the vault has (this is how a resumed wizard passes the step).
    const credErrors = stored && !typed ? {} : validateCredentials(vpn.provider, vpn.type, form);
    const found = { ...validateStep('vpn', { ...w.state.draft, vpn: draftVpn }), ...credErrors };
    setErrors(found);
    if (Object.keys(found).length) return;
    if (typed) {
      const fail = (error: UpsError) => (setBusy(undefined), setSaveError(error));
      if (mode === 'nordtoken') {
        setBusy('Fetching your NordVPN keys…');
        const res = await api.invoke('vpn.nordvpn.derive', { token: form.token.trim(), type: vpn.type });
        if (!res.ok) return fail(res.error);
      } else {
        setBusy('Storing the credentials…');
        for (const secret of secretsToStore(vpn.provider, vpn.type, form)) {
          const res = await api.invoke('secrets.set', secret);
          if (!res.ok) return fail(res.error);
        }
      }
      setCred(emptyCredentials(mode));
      setBusy(undefined);
      void reloadSecrets();
    }
    setSaveError(undefined);
    await w.next({ vpn: draftVpn });
  };
  const err = (k: string) => ({
    validationMessage: errors[k],
    validationState: errors[k] ? ('error' as const) : ('none' as const),
  });
  const storedHint = stored ? 'Already stored: leave empty to keep it, or enter a new value to replace it.' : undefined;
  const setValue = (f: SecretField, v: string) => setCred({ ...form, values: { ...form.values, [f.id]: v } });
  const fields = mode === 'fields' ? secretFieldsFor(vpn.provider, vpn.type) : [];
  return (
    <StepFrame
      title="Your VPN"
      intro="Downloads only ever leave through your VPN: if the tunnel drops, they stop."
      onBack={() => void w.back()}
      onNext={() => void onNext()}
      busy={busy}
    >
      <div className={s.form}>
        <Field label="VPN provider" {...err('vpn.provider')}>
          <Dropdown
            value={vpnProviderName(vpn.provider)}
            selectedOptions={[vpn.provider]}
            onOptionSelect={(_, d) => d.optionValue && changeVpn({ ...vpn, provider: d.optionValue as VpnProvider })}
            data-testid="field-provider"
          >
            {vpnProviders.map((p) => (
              <Option key={p} value={p} text={vpnProviderName(p)}>
                {vpnProviderName(p)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Protocol" {...err('vpn.type')}>
          <RadioGroup
            value={vpn.type}
            onChange={(_, d) => changeVpn({ ...vpn, type: d.value as VpnType })}
            layout="horizontal"
            data-testid="field-protocol"
          >
            {vpnTypesFor(vpn.provider).map((t) => (
              <Radio key={t} value={t} label={typeLabel[t]} />
            ))}
          </RadioGroup>
        </Field>
        <Field
          label="Server countries (optional, comma separated)"
          hint="As your provider names them, e.g. Netherlands, Switzerland"
          {...err('vpn.serverCountries')}
          {...(errors['vpn.serverCountries.0'] ? err('vpn.serverCountries.0') : {})}
        >
          <Input value={countries} onChange={(_, d) => setCountries(d.value)} data-testid="field-countries" />
        </Field>
        {vpn.provider === 'nordvpn' && (
          <MessageBar intent="info" layout="multiline" data-testid="nord-hint">
            <MessageBarBody>{nordHint}</MessageBarBody>
          </MessageBar>
        )}
        {modes.length > 1 && (
          <Field label="Sign in with">
            <RadioGroup
              value={mode}
              onChange={(_, d) => setCred(emptyCredentials(d.value as CredentialMode))}
              data-testid="field-mode"
            >
              {modes.map((m) => (
                <Radio key={m} value={m} label={modeLabel(m, vpn.type)} />
              ))}
            </RadioGroup>
          </Field>
        )}
        {mode === 'nordtoken' && (
          <Field
            label="NordVPN access token"
            hint={
              storedHint ??
              'Nord Account → NordVPN → Set up NordVPN manually → Access token → Generate new token. Used once to fetch your keys; not kept.'
            }
            {...err('vpn.token')}
          >
            <Input
              type="password"
              value={form.token}
              onChange={(_, d) => setCred({ ...form, token: d.value })}
              autoComplete="off"
              data-testid="field-token"
            />
          </Field>
        )}
        {fields.map((f, i) =>
          f.spec.input === 'file' ? (
            <FileField
              key={f.id}
              field={f}
              value={form.values[f.id] ?? ''}
              onChange={(v) => setValue(f, v)}
              error={errors[`vpn.${f.id}`]}
              hint={i === 0 ? storedHint : undefined}
            />
          ) : (
            <Field
              key={f.id}
              label={`${f.spec.label}${f.required ? '' : ' (optional)'}`}
              hint={(i === 0 ? storedHint : undefined) ?? f.spec.hint}
              {...err(`vpn.${f.id}`)}
            >
              <Input
                type={f.id === 'openvpnUser' ? 'text' : 'password'}
                value={form.values[f.id] ?? ''}
                onChange={(_, d) => setValue(f, d.value)}
                autoComplete="off"
                data-testid={`field-${f.id}`}
              />
            </Field>
          ),
        )}
        {wantsAddress && (
          <Field
            label={`${vpnFields.wireguardAddresses.label}${addressRequired ? '' : ' (optional)'}`}
            hint={vpnFields.wireguardAddresses.hint}
            {...err('vpn.wireguardAddresses')}
            {...(errors['vpn.wireguardAddresses.0'] ? err('vpn.wireguardAddresses.0') : {})}
          >
            <Input
              value={addresses}
              onChange={(_, d) => setAddresses(d.value)}
              data-testid="field-wireguardAddresses"
            />
          </Field>
        )}
        {secrets.phase === 'ready' && <Text size={200}>Stored in {secrets.status.backend}, never in a file.</Text>}
      </div>
      {secrets.phase === 'error' && <ErrorBar title="The credential store cannot be read" error={secrets.error} />}
      {saveError && (
        <ErrorBar
          title={
            mode === 'nordtoken' ? 'Your NordVPN keys could not be fetched' : 'The credentials could not be stored'
          }
          error={saveError}
          testId="vpn-save-error"
        />
      )}
    </StepFrame>
  );
}
