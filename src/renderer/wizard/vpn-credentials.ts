// VPN credentials form rules, from the provider table (core/contract/vpn-providers.ts): which fields a provider and
// protocol need, their format, what goes to the vault, and the NordVPN account-login trap.
import {
  IVPN_ACCOUNT_ID,
  NordDeriveInputSchema,
  pemToBase64Der,
  SecretValueSchema,
  vpnFields,
  vpnRule,
  vpnSecrets,
  WG_KEY,
  type SecretName,
  type VpnFieldId,
  type VpnFieldSpec,
  type VpnProvider,
  type VpnType,
} from '../../core/contract';
import { vpnProviderName } from '../display-names';
import { sentence } from './validation';

/** NordVPN can also be set up from an access token: the app asks NordVPN for the key/credentials (vpn.nordvpn.derive). */
export type CredentialMode = 'fields' | 'nordtoken';

/** Typed by the user and sent straight to the vault; lives only in the form component, never in a store. */
export interface CredentialForm {
  mode: CredentialMode;
  /** Secret and file fields by table id (file fields hold the PEM text as picked or pasted). */
  values: Partial<Record<VpnFieldId, string>>;
  token: string;
}

export const emptyCredentials = (mode: CredentialMode): CredentialForm => ({ mode, values: {}, token: '' });

export function modesFor(provider: VpnProvider): CredentialMode[] {
  return provider === 'nordvpn' ? ['nordtoken', 'fields'] : ['fields'];
}

export interface SecretField {
  id: VpnFieldId;
  spec: VpnFieldSpec;
  required: boolean;
}

/** The secret and file fields this combination asks for, required first (addresses are a setting, not here). */
export function secretFieldsFor(provider: VpnProvider, type: VpnType): SecretField[] {
  const rule = vpnRule(provider, type);
  if (!rule) return [];
  const list = (ids: readonly VpnFieldId[], required: boolean) =>
    ids
      .filter((id) => (vpnFields[id] as VpnFieldSpec).secret)
      .map((id) => ({ id, spec: vpnFields[id] as VpnFieldSpec, required }));
  return [...list(rule.required, true), ...list(rule.optional, false)];
}

/** The vault entries that must be set for the step to count as done (a token fills the same ones for NordVPN). */
export function requiredSecrets(provider: VpnProvider, type: VpnType): SecretName[] {
  return vpnSecrets(provider, type).required;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const nordHint =
  'NordVPN needs an access token (the app fetches your keys with it and does not keep it) or your service credentials (Nord Account → NordVPN → Set up NordVPN manually) — not the e-mail and password you sign in to Nord Account with.';

export const isTyped = (form: CredentialForm) =>
  form.mode === 'nordtoken' ? form.token.trim() !== '' : Object.values(form.values).some((v) => v && v.trim() !== '');

function valueProblem(value: string): string | undefined {
  const r = SecretValueSchema.safeParse(value);
  return r.success ? undefined : (r.error.issues[0]?.message ?? 'invalid');
}

/** What one field would store, or why it cannot. */
function fieldValue(f: SecretField, raw: string): { value?: string; problem?: string } {
  const v = raw.trim();
  if (f.spec.input === 'file') {
    const der = pemToBase64Der(raw, f.spec.ovpnTag);
    return der ? { value: der } : { problem: `that is not a PEM file: ${f.spec.hint}` };
  }
  if (f.id === 'wireguardPrivateKey' || f.id === 'wireguardPresharedKey') {
    return WG_KEY.test(v)
      ? { value: v }
      : { problem: `a WireGuard key is 44 characters of base64 ending in "=". ${f.spec.hint}` };
  }
  const problem = valueProblem(f.id === 'openvpnPassword' || f.id === 'openvpnKeyPassphrase' ? raw : v);
  return problem ? { problem } : { value: f.id === 'openvpnPassword' || f.id === 'openvpnKeyPassphrase' ? raw : v };
}

/** Field-named problems (`vpn.<fieldId>`, `vpn.token`); empty when every needed value is present and well-formed. */
export function validateCredentials(
  provider: VpnProvider,
  type: VpnType,
  form: CredentialForm,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (form.mode === 'nordtoken') {
    const token = form.token.trim();
    if (EMAIL.test(token)) errors['vpn.token'] = `That is an e-mail address, not a token. ${nordHint}`;
    else {
      const r = NordDeriveInputSchema.shape.token.safeParse(token);
      if (!r.success) errors['vpn.token'] = sentence(r.error.issues[0]?.message ?? 'not a valid token');
    }
    return errors;
  }
  const fields = secretFieldsFor(provider, type);
  const user = (form.values.openvpnUser ?? '').trim();
  for (const f of fields) {
    const raw = form.values[f.id] ?? '';
    // IVPN: the password may be left out only for an account-ID user (gluetun settings/openvpn.go l.107-108).
    const needed = f.required || (provider === 'ivpn' && f.id === 'openvpnPassword' && !IVPN_ACCOUNT_ID.test(user));
    if (raw.trim() === '') {
      if (needed)
        errors[`vpn.${f.id}`] =
          `${f.spec.label} is needed for ${vpnProviderName(provider)} with ${type === 'openvpn' ? 'OpenVPN' : 'WireGuard'}. ${f.spec.hint}`;
      continue;
    }
    const { problem } = fieldValue(f, raw);
    if (problem) errors[`vpn.${f.id}`] = sentence(problem);
  }
  if (provider === 'nordvpn' && EMAIL.test(user))
    errors['vpn.openvpnUser'] = `This looks like your Nord Account e-mail. ${nordHint}`;
  return errors;
}

/** What to put in the vault for a valid form (fields mode): files as base64 DER, optional fields only when typed. */
export function secretsToStore(
  provider: VpnProvider,
  type: VpnType,
  form: CredentialForm,
): { name: SecretName; value: string }[] {
  return secretFieldsFor(provider, type).flatMap((f) => {
    const raw = form.values[f.id] ?? '';
    if (raw.trim() === '') return [];
    const { value } = fieldValue(f, raw);
    return value ? [{ name: f.spec.secret!, value }] : [];
  });
}
