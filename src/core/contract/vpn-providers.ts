// The VPN provider table: which protocols gluetun accepts per provider and exactly which settings each needs.
// One table drives the StackConfig schema, the wizard's VPN step and the generated gluetun environment.
//
// Read at gluetun v3.41.1 (the image we pin, qmcgaw/gluetun:v3.41.1); paths are in github.com/qdm12/gluetun:
//  [P]  internal/constants/providers/providers.go            provider names (VPN_SERVICE_PROVIDER values, All())
//  [N]  internal/configuration/settings/provider.go  l.28-49  WireGuard only for airvpn, custom, fastestvpn, ivpn,
//                                                             mullvad, nordvpn, protonvpn, surfshark, windscribe
//  [W]  internal/configuration/settings/wireguard.go l.60-107 private key required (32-byte base64, wgtypes.ParseKey);
//                                                             airvpn also a pre-shared key; addresses required
//       wireguard.go l.177-189 setDefaults: only nordvpn (10.5.0.2/32) and protonvpn (10.2.0.2/32) get default addresses
//       wireguard.go l.243-263 read: WIREGUARD_PRIVATE_KEY, WIREGUARD_PRESHARED_KEY, WIREGUARD_ADDRESSES (CSV; an
//                                   address without "/" gets /32)
//  [O]  internal/configuration/settings/openvpn.go   l.91-136 user required except airvpn/vpnsecure (and custom);
//                                                             password too, except ivpn with an account-ID user
//                                                             (i-xxxx-xxxx-xxxx); cert for airvpn, cyberghost,
//                                                             vpnsecure, vpn unlimited; key for airvpn, cyberghost,
//                                                             vpn unlimited; encrypted key (+ passphrase) for vpnsecure
//       openvpn.go l.47-65 + l.200-243: cert/key/encrypted key are base64 DER (the PEM body), decoded with StdEncoding
//       openvpn.go l.383-392 read: OPENVPN_USER, OPENVPN_PASSWORD, OPENVPN_CERT, OPENVPN_KEY, OPENVPN_ENCRYPTED_KEY,
//                                  OPENVPN_KEY_PASSPHRASE
//  gosettings v0.4.4 reader: an empty environment value counts as unset, so an empty SERVER_CITIES is no filter.
// Stricter than gluetun, on purpose:
//  - mullvad + OpenVPN is not offered: Mullvad ended OpenVPN support in January 2026 (gluetun v3.41.1 still accepts it).
//  - windscribe + WireGuard requires the pre-shared key: gluetun-wiki setup/providers/windscribe.md says it "MUST be
//    set" (the validation leaves it optional, the server refuses the handshake without it).
//  - custom is not offered (it needs an OpenVPN/WireGuard config file mounted into the container).
// Location filters (SERVER_COUNTRIES / SERVER_CITIES): gluetun refuses a filter value when the provider's server data
// has no such field (settings/serverselection.go atLeastOneIsOneOfCaseInsensitive: "no choice"). Which providers carry
// countries/cities: each provider's updater (internal/provider/<name>/updater/) and gluetun-wiki setup/providers/*.md.
import type { SecretName } from './secret-names';

/** gluetun's provider names exactly as VPN_SERVICE_PROVIDER accepts them [P]. */
export const vpnProviders = [
  'nordvpn',
  'airvpn',
  'cyberghost',
  'expressvpn',
  'fastestvpn',
  'giganews',
  'hidemyass',
  'ipvanish',
  'ivpn',
  'mullvad',
  'perfect privacy',
  'privado',
  'private internet access',
  'privatevpn',
  'protonvpn',
  'purevpn',
  'slickvpn',
  'surfshark',
  'torguard',
  'vpnsecure',
  'vpn unlimited',
  'vyprvpn',
  'windscribe',
] as const;
export type VpnProvider = (typeof vpnProviders)[number];

export const vpnTypes = ['openvpn', 'wireguard'] as const;
export type VpnType = (typeof vpnTypes)[number];

/** Older spellings we wrote before the table existed, read as today's name (never written). */
export const legacyProviderNames: Record<string, VpnProvider> = { 'vpn secure': 'vpnsecure' };

/**
 * How the user supplies a value: `secret` is typed, `file` is a PEM file picked or pasted (stored as base64 DER),
 * `value` is a plain setting kept in stack.yml (not a secret).
 */
export type VpnFieldInput = 'secret' | 'file' | 'value';

export interface VpnFieldSpec {
  /** The gluetun environment variable. */
  env: string;
  /** For a file: which inline block of a whole .ovpn profile holds it. */
  ovpnTag?: 'cert' | 'key';
  protocol: VpnType;
  input: VpnFieldInput;
  /** Where a secret lives in the vault. */
  secret?: SecretName;
  label: string;
  hint: string;
}

export const vpnFields = {
  openvpnUser: {
    env: 'OPENVPN_USER',
    protocol: 'openvpn',
    input: 'secret',
    secret: 'vpn.openvpn.user',
    label: 'VPN service user name',
    hint: "Your provider's OpenVPN/manual-setup user name (often not your account e-mail).",
  },
  openvpnPassword: {
    env: 'OPENVPN_PASSWORD',
    protocol: 'openvpn',
    input: 'secret',
    secret: 'vpn.openvpn.password',
    label: 'VPN service password',
    hint: "Your provider's OpenVPN/manual-setup password.",
  },
  openvpnCert: {
    env: 'OPENVPN_CERT',
    protocol: 'openvpn',
    input: 'file',
    ovpnTag: 'cert',
    secret: 'vpn.openvpn.cert',
    label: 'Client certificate (client.crt)',
    hint: 'The certificate from your provider\'s OpenVPN configuration: the block starting "-----BEGIN CERTIFICATE-----".',
  },
  openvpnKey: {
    env: 'OPENVPN_KEY',
    protocol: 'openvpn',
    input: 'file',
    ovpnTag: 'key',
    secret: 'vpn.openvpn.key',
    label: 'Client key (client.key)',
    hint: 'The private key from your provider\'s OpenVPN configuration: the block starting "-----BEGIN … PRIVATE KEY-----".',
  },
  openvpnEncryptedKey: {
    env: 'OPENVPN_ENCRYPTED_KEY',
    protocol: 'openvpn',
    input: 'file',
    ovpnTag: 'key',
    secret: 'vpn.openvpn.encrypted_key',
    label: 'Encrypted client key',
    hint: 'The encrypted key from your VPNSecure OpenVPN configuration: the block starting "-----BEGIN ENCRYPTED PRIVATE KEY-----".',
  },
  openvpnKeyPassphrase: {
    env: 'OPENVPN_KEY_PASSPHRASE',
    protocol: 'openvpn',
    input: 'secret',
    secret: 'vpn.openvpn.key_passphrase',
    label: 'Key passphrase',
    hint: 'The passphrase of the encrypted key (for VPNSecure, your account password).',
  },
  wireguardPrivateKey: {
    env: 'WIREGUARD_PRIVATE_KEY',
    protocol: 'wireguard',
    input: 'secret',
    secret: 'vpn.wireguard.private_key',
    label: 'WireGuard private key',
    hint: 'The PrivateKey line of the WireGuard configuration your provider generates (44 characters ending in "=").',
  },
  wireguardPresharedKey: {
    env: 'WIREGUARD_PRESHARED_KEY',
    protocol: 'wireguard',
    input: 'secret',
    secret: 'vpn.wireguard.preshared_key',
    label: 'WireGuard pre-shared key',
    hint: 'The PresharedKey line of the same WireGuard configuration (44 characters ending in "=").',
  },
  wireguardAddresses: {
    env: 'WIREGUARD_ADDRESSES',
    protocol: 'wireguard',
    input: 'value',
    label: 'WireGuard address',
    hint: 'The IPv4 Address line of the same WireGuard configuration, e.g. 10.64.222.21/32.',
  },
} as const satisfies Record<string, VpnFieldSpec>;
export type VpnFieldId = keyof typeof vpnFields;

export interface VpnRule {
  required: readonly VpnFieldId[];
  optional: readonly VpnFieldId[];
}

export interface VpnProviderRow {
  /** Protocols offered; a missing protocol is refused (with `refused` as the reason when it is our own choice). */
  openvpn?: VpnRule;
  wireguard?: VpnRule;
  refused?: Partial<Record<VpnType, string>>;
  /** Whether gluetun's server data for this provider has countries / cities to filter on. */
  countries: boolean;
  cities: boolean;
}

const USERPASS: VpnRule = { required: ['openvpnUser', 'openvpnPassword'], optional: [] }; // [O] l.99-112
// A pre-shared key is optional in gluetun for every WireGuard provider ([W] l.96-102); we ask for it only where the
// provider issues one (airvpn, windscribe), so the others' forms and environments carry no unused variable.
const WG_WITH_ADDRESSES: VpnRule = { required: ['wireguardPrivateKey', 'wireguardAddresses'], optional: [] }; // [W] l.77-107
const WG_DEFAULT_ADDRESS: VpnRule = { required: ['wireguardPrivateKey'], optional: ['wireguardAddresses'] }; // [W] l.180-189
const LOC = { countries: true, cities: true };

export const vpnTable: Record<VpnProvider, VpnProviderRow> = {
  nordvpn: { openvpn: USERPASS, wireguard: WG_DEFAULT_ADDRESS, ...LOC },
  // [O] l.99-101 no user; l.186-193 cert; l.209-215 key. [W] l.90-94 pre-shared key required.
  airvpn: {
    openvpn: { required: ['openvpnCert', 'openvpnKey'], optional: [] },
    wireguard: { required: ['wireguardPrivateKey', 'wireguardPresharedKey', 'wireguardAddresses'], optional: [] },
    ...LOC,
  },
  // [O] l.186-193 cert, l.209-215 key, besides user + password. Servers carry countries only (updater/hosttoserver.go).
  cyberghost: {
    openvpn: { required: ['openvpnUser', 'openvpnPassword', 'openvpnCert', 'openvpnKey'], optional: [] },
    countries: true,
    cities: false,
  },
  expressvpn: { openvpn: USERPASS, ...LOC },
  fastestvpn: { openvpn: USERPASS, wireguard: WG_WITH_ADDRESSES, ...LOC },
  giganews: { openvpn: USERPASS, countries: false, cities: false },
  hidemyass: { openvpn: USERPASS, ...LOC },
  ipvanish: { openvpn: USERPASS, ...LOC },
  // [O] l.89 + l.107-108: the password may be left out when the user is an IVPN account ID (i-xxxx-xxxx-xxxx).
  ivpn: { openvpn: { required: ['openvpnUser'], optional: ['openvpnPassword'] }, wireguard: WG_WITH_ADDRESSES, ...LOC },
  mullvad: {
    wireguard: WG_WITH_ADDRESSES,
    refused: { openvpn: 'Mullvad ended OpenVPN support in January 2026: choose WireGuard.' },
    ...LOC,
  },
  'perfect privacy': { openvpn: USERPASS, countries: false, cities: true },
  privado: { openvpn: USERPASS, ...LOC },
  'private internet access': { openvpn: USERPASS, countries: false, cities: false },
  privatevpn: { openvpn: USERPASS, ...LOC },
  protonvpn: { openvpn: USERPASS, wireguard: WG_DEFAULT_ADDRESS, ...LOC },
  purevpn: { openvpn: USERPASS, ...LOC },
  slickvpn: { openvpn: USERPASS, ...LOC },
  surfshark: { openvpn: USERPASS, wireguard: WG_WITH_ADDRESSES, ...LOC },
  torguard: { openvpn: USERPASS, ...LOC },
  // [O] l.99-101 no user; l.186-193 cert; l.229-235 encrypted key; l.134-136 passphrase with an encrypted key.
  vpnsecure: {
    openvpn: { required: ['openvpnCert', 'openvpnEncryptedKey', 'openvpnKeyPassphrase'], optional: [] },
    ...LOC,
  },
  'vpn unlimited': {
    openvpn: { required: ['openvpnUser', 'openvpnPassword', 'openvpnCert', 'openvpnKey'], optional: [] },
    ...LOC,
  },
  vyprvpn: { openvpn: USERPASS, countries: false, cities: false },
  // Pre-shared key required: see the header (gluetun-wiki windscribe.md). Servers carry regions and cities, no countries.
  windscribe: {
    openvpn: USERPASS,
    wireguard: { required: ['wireguardPrivateKey', 'wireguardPresharedKey', 'wireguardAddresses'], optional: [] },
    countries: false,
    cities: true,
  },
};

const typeNames: Record<VpnType, string> = { openvpn: 'OpenVPN', wireguard: 'WireGuard' };

/** The protocols a provider can use, in display order. */
export function vpnTypesFor(provider: VpnProvider): VpnType[] {
  return vpnTypes.filter((t) => vpnTable[provider][t]);
}

/** The rule for a combination, or null when gluetun (or we) refuse it. */
export function vpnRule(provider: VpnProvider, type: VpnType): VpnRule | null {
  return vpnTable[provider][type] ?? null;
}

/** Why a combination is refused, in words a user can act on. */
export function refusedReason(provider: VpnProvider, type: VpnType): string {
  const own = vpnTable[provider].refused?.[type];
  if (own) return own;
  const offered = vpnTypesFor(provider).map((t) => typeNames[t]);
  return `${provider} supports only ${offered.join(' or ')} in gluetun: choose ${offered.join(' or ')}.`;
}

/** Vault entries a combination needs (required) and may use (optional). */
export function vpnSecrets(provider: VpnProvider, type: VpnType): { required: SecretName[]; optional: SecretName[] } {
  const rule = vpnRule(provider, type);
  const pick = (ids: readonly VpnFieldId[]) =>
    ids.flatMap((id) => ((vpnFields[id] as VpnFieldSpec).secret ? [(vpnFields[id] as VpnFieldSpec).secret!] : []));
  return { required: pick(rule?.required ?? []), optional: pick(rule?.optional ?? []) };
}

/** IVPN account IDs need no password ([O] l.89: ^(i|ivpn)-xxxx-xxxx-xxxx$). */
export const IVPN_ACCOUNT_ID = /^(i|ivpn)-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}$/;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A PEM file's first block (or bare base64) → the single-line base64 DER gluetun reads from OPENVPN_CERT / _KEY /
 * _ENCRYPTED_KEY ([O] l.47-65; its file source does the same conversion with encoding/pem). Header lines such as
 * "Proc-Type:" inside the block are skipped like pem.Decode does. Returns null when the text holds no usable block.
 */
export function pemToBase64Der(text: string, ovpnTag?: 'cert' | 'key'): string | null {
  // A whole .ovpn profile holds <ca>, <cert> and <key> blocks: take the one asked for, not the CA that comes first.
  const inline = ovpnTag ? new RegExp(`<${ovpnTag}>([\\s\\S]*?)</${ovpnTag}>`).exec(text) : null;
  const block = PEM_BLOCK.exec(inline ? inline[1]! : text);
  const body = block
    ? block[2]!
        .split(/\r?\n/)
        .filter((l) => !l.includes(':'))
        .join('')
    : inline
      ? inline[1]!
      : text;
  const compact = body.replace(/\s+/g, '');
  if (compact.length < 16 || compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  return compact;
}

/** A WireGuard key as gluetun accepts it: base64 of exactly 32 bytes ([W] l.80 wgtypes.ParseKey). */
export const WG_KEY = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;
