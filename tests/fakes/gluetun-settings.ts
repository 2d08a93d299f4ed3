// A strict stand-in for gluetun's start-up settings check: given the container environment, the reasons gluetun
// v3.41.1 would refuse to start (empty list = it starts). Written from gluetun's source, independently of the app's
// provider table, so a table mistake shows up as a refusal here. All paths in github.com/qdm12/gluetun @ v3.41.1.
const ALL = [
  'airvpn',
  'cyberghost',
  'expressvpn',
  'fastestvpn',
  'giganews',
  'hidemyass',
  'ipvanish',
  'ivpn',
  'mullvad',
  'nordvpn',
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
]; // internal/constants/providers/providers.go All()
const WIREGUARD = [
  'airvpn',
  'custom',
  'fastestvpn',
  'ivpn',
  'mullvad',
  'nordvpn',
  'protonvpn',
  'surfshark',
  'windscribe',
]; // settings/provider.go l.35-45
const IVPN_ACCOUNT = /^(i|ivpn)-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}-[a-zA-Z0-9]{4}$/; // settings/openvpn.go l.89
// Which providers' server data has countries / cities (internal/provider/<name>/updater/ sets only these fields).
const NO_COUNTRIES = ['giganews', 'perfect privacy', 'private internet access', 'vyprvpn', 'windscribe'];
const NO_CITIES = ['cyberghost', 'giganews', 'private internet access', 'vyprvpn'];

// encoding/base64 StdEncoding: padded standard alphabet.
const isStdBase64 = (v: string) => v.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(v);
// wgtypes.ParseKey: StdEncoding of exactly 32 bytes.
const isWgKey = (v: string) => isStdBase64(v) && Buffer.from(v, 'base64').length === 32;
const IPV4_PREFIX = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;

export function gluetunRefusals(environment: Record<string, string | undefined>): string[] {
  // gosettings v0.4.4 env source + parse: an empty value is the same as unset.
  const get = (k: string): string | undefined =>
    environment[k] === undefined || environment[k] === '' ? undefined : environment[k];
  const out: string[] = [];
  const type = get('VPN_TYPE') ?? 'openvpn'; // settings/vpn.go l.68 default
  if (!['openvpn', 'wireguard'].includes(type)) return [`VPN type not valid: ${type}`];
  const provider = (get('VPN_SERVICE_PROVIDER') ?? 'private internet access').toLowerCase(); // provider.go l.79, l.122
  const valid = type === 'openvpn' ? [...ALL, 'custom'] : WIREGUARD;
  if (!valid.includes(provider)) return [`VPN provider name is not valid for ${type}: ${provider}`];

  if (type === 'openvpn') {
    // settings/openvpn.go OpenVPN.validate l.98-136 (after setDefaults l.291-296: mullvad's password defaults to "m").
    const user = get('OPENVPN_USER') ?? '';
    const password = get('OPENVPN_PASSWORD') ?? (provider === 'mullvad' ? 'm' : '');
    const userRequired = !['custom', 'airvpn', 'vpnsecure'].includes(provider);
    if (userRequired && !user) out.push('OpenVPN user is empty');
    if (userRequired && !(provider === 'ivpn' && IVPN_ACCOUNT.test(user)) && !password)
      out.push('OpenVPN password is empty');
    const cert = get('OPENVPN_CERT') ?? '';
    if (['airvpn', 'cyberghost', 'vpnsecure', 'vpn unlimited'].includes(provider) && !cert)
      out.push('client certificate: missing value');
    if (cert && !isStdBase64(cert)) out.push('client certificate: not base64');
    const key = get('OPENVPN_KEY') ?? '';
    if (['airvpn', 'cyberghost', 'vpn unlimited'].includes(provider) && !key) out.push('client key: missing value');
    if (key && !isStdBase64(key)) out.push('client key: not base64');
    const enc = get('OPENVPN_ENCRYPTED_KEY') ?? '';
    if (provider === 'vpnsecure' && !enc) out.push('encrypted key: missing value');
    if (enc && !isStdBase64(enc)) out.push('encrypted key: not base64');
    if (enc && !get('OPENVPN_KEY_PASSPHRASE')) out.push('key passphrase is empty');
  } else {
    // settings/wireguard.go Wireguard.validate l.60-107, after setDefaults l.177-189.
    const pk = get('WIREGUARD_PRIVATE_KEY') ?? '';
    if (!pk) out.push('Wireguard private key not set');
    else if (!isWgKey(pk)) out.push('private key is not valid');
    const psk = get('WIREGUARD_PRESHARED_KEY') ?? '';
    if (provider === 'airvpn' && !psk) out.push('Wireguard pre-shared key not set');
    if (psk && !isWgKey(psk)) out.push('pre-shared key is not valid');
    const defaults: Record<string, string> = { nordvpn: '10.5.0.2/32', protonvpn: '10.2.0.2/32' };
    // read l.250-263: CSV, "/32" added to a bare address; IPv6 refused without IPv6 support (l.114-117), assumed here.
    const addresses = (get('WIREGUARD_ADDRESSES') ?? defaults[provider] ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean)
      .map((a) => (a.includes('/') ? a : `${a}/32`));
    if (addresses.length === 0) out.push('Wireguard interface address not set');
    for (const a of addresses) if (!IPV4_PREFIX.test(a)) out.push(`Wireguard address not valid: ${a}`);
  }
  // settings/serverselection.go atLeastOneIsOneOfCaseInsensitive: a filter value with no choices is refused.
  if (get('SERVER_COUNTRIES') && NO_COUNTRIES.includes(provider)) out.push('country is not valid: no choice');
  if (get('SERVER_CITIES') && NO_CITIES.includes(provider)) out.push('city is not valid: no choice');
  return out;
}
