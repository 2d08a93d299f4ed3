// VPN credentials form rules: which secrets each choice needs, their format, and the NordVPN account-login trap.
import { SecretValueSchema, type SecretName, type VpnProvider } from '../../core/contract';

export type CredentialKind = 'userpass' | 'wgkey' | 'nordtoken';

/** Typed by the user and sent straight to the vault; lives only in the form component, never in a store. */
export interface CredentialForm {
  kind: CredentialKind;
  user: string;
  password: string;
  privateKey: string;
  token: string;
}

export const emptyCredentials = (kind: CredentialKind): CredentialForm => ({ kind, user: '', password: '', privateKey: '', token: '' });

export function kindsFor(provider: VpnProvider, type: 'openvpn' | 'wireguard'): CredentialKind[] {
  if (type === 'openvpn') return ['userpass'];
  return provider === 'nordvpn' ? ['nordtoken', 'wgkey'] : ['wgkey'];
}

/** The vault entries a kind fills: checking these in secrets.status tells whether the step is already done. */
export const secretsFor: Record<CredentialKind, SecretName[]> = {
  userpass: ['vpn.openvpn.user', 'vpn.openvpn.password'],
  wgkey: ['vpn.wireguard.private_key'],
  nordtoken: ['vpn.nordvpn.access_token'],
};

// A WireGuard key is 32 bytes in base64: 43 characters and one "=" (wg(8) genkey).
const WG_KEY = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const nordHint =
  'NordVPN needs your service credentials (Nord Account → NordVPN → Set up NordVPN manually → Service credentials) or an access token — not the e-mail and password you sign in to Nord Account with.';

function valueProblem(field: string, value: string): string | undefined {
  const r = SecretValueSchema.safeParse(value);
  return r.success ? undefined : `${field}: ${r.error.issues[0]?.message ?? 'invalid'}`;
}

/** Field-named problems with what was typed; empty when every needed value is present and well-formed. */
export function validateCredentials(provider: VpnProvider, form: CredentialForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const put = (field: string, problem: string | undefined) => {
    if (problem) errors[field] = problem;
  };
  if (form.kind === 'userpass') {
    put('vpn.user', valueProblem('vpn.user', form.user));
    put('vpn.password', valueProblem('vpn.password', form.password));
    if (provider === 'nordvpn' && EMAIL.test(form.user.trim())) errors['vpn.user'] = `vpn.user: this looks like your Nord Account e-mail. ${nordHint}`;
  } else if (form.kind === 'wgkey') {
    if (!WG_KEY.test(form.privateKey.trim())) errors['vpn.privateKey'] = 'vpn.privateKey: a WireGuard private key is 44 characters of base64 ending in "=" (the PrivateKey line of your provider\'s WireGuard config)';
  } else {
    put('vpn.token', valueProblem('vpn.token', form.token.trim()));
    if (EMAIL.test(form.token.trim())) errors['vpn.token'] = `vpn.token: that is an e-mail address, not a token. ${nordHint}`;
  }
  return errors;
}

/** What to put in the vault for a valid form. */
export function secretsToStore(form: CredentialForm): { name: SecretName; value: string }[] {
  if (form.kind === 'userpass') return [{ name: 'vpn.openvpn.user', value: form.user.trim() }, { name: 'vpn.openvpn.password', value: form.password }];
  if (form.kind === 'wgkey') return [{ name: 'vpn.wireguard.private_key', value: form.privateKey.trim() }];
  return [{ name: 'vpn.nordvpn.access_token', value: form.token.trim() }];
}
