// The provider table against the generated stack: for every provider and protocol the table offers, the gluetun
// environment compose would hand the container (with the vault's values) has each required variable set and
// non-empty, nothing of the other protocol, and passes a strict re-encoding of gluetun v3.41.1's settings check
// (tests/fakes/gluetun-settings.ts). Every combination the table does not offer is refused by StackConfig.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gluetunRefusals } from '../../../tests/fakes/gluetun-settings';
import {
  pemToBase64Der,
  StackConfigSchema,
  vpnFields,
  vpnProviders,
  vpnRule,
  vpnTable,
  vpnTypes,
  type StackConfigInput,
  type VpnFieldId,
  type VpnProvider,
  type VpnType,
} from '../contract';
import { envVarFor, type SecretName } from '../contract/secret-names';
import { loadCatalog } from './catalog';
import { envValues } from './env-file';
import { generateCompose } from './generate-compose';
import { sampleConfigInput } from './sample-config';

const catalog = await loadCatalog();

// PEM files as a provider hands them out, turned into what the wizard stores (pemToBase64Der). gluetun checks only
// that these are base64 at start-up, so a public key's PEM stands in for the certificate.
const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const der = (pem: string) => pemToBase64Der(pem)!;
const keyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const encPem = pair.privateKey.export({
  type: 'pkcs8',
  format: 'pem',
  cipher: 'aes-256-cbc',
  passphrase: 'account-pass-1',
}) as string;
const certPem = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string;

// Values as the wizard stores them: keys are 32-byte base64, certificates base64 DER (one line).
const vaultValue: Partial<Record<SecretName, string>> = {
  'vpn.openvpn.user': 'svc-user-7f3a',
  'vpn.openvpn.password': 'svc-pass-9c2e',
  'vpn.openvpn.cert': der(certPem),
  'vpn.openvpn.key': der(keyPem),
  'vpn.openvpn.encrypted_key': der(encPem),
  'vpn.openvpn.key_passphrase': 'account-pass-1',
  'vpn.wireguard.private_key': 'wOEI9rqqbDwnN8/Bpp22sVz48T71vJ4fYmFWujulwUU=',
  'vpn.wireguard.preshared_key': 'yCbHtKAgJASnJs2S/aZsjag9Fy04csmR4qDUDkJgX2c=',
  'vpn.control.api_key': '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
};

/** What the vpn container's environment is after compose interpolation with .env and the vault-supplied variables. */
function gluetunEnv(input: StackConfigInput, vault: Partial<Record<SecretName, string>>): Record<string, string> {
  const cfg = StackConfigSchema.parse(input);
  const g = generateCompose(cfg, catalog);
  const env = parse(g.text) as { services: { vpn: { environment: Record<string, string> } } };
  const vars = new Map<string, string>(envValues(cfg));
  for (const name of [...g.requiredSecrets, ...g.optionalSecrets]) {
    const v = vault[name];
    if (v !== undefined) vars.set(envVarFor(name), v);
  }
  // ${NAME}, ${NAME:-default}, ${NAME:?message}: compose's interpolation rules for what the generator writes.
  const interpolate = (text: string) =>
    text.replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_m, name: string, op?: string, rest?: string) => {
      const v = vars.get(name);
      if (op === '?' && !v) throw new Error(`compose refuses to start: ${rest}`);
      return v ?? (op === '-' ? (rest ?? '') : '');
    });
  return Object.fromEntries(Object.entries(env.services.vpn.environment).map(([k, v]) => [k, interpolate(String(v))]));
}

const combos = vpnProviders.flatMap((p) =>
  vpnTypes.filter((t) => vpnRule(p, t)).map((t) => [p, t] as [VpnProvider, VpnType]),
);
const refused = vpnProviders.flatMap((p) =>
  vpnTypes.filter((t) => !vpnRule(p, t)).map((t) => [p, t] as [VpnProvider, VpnType]),
);
const ADDRESS = '10.64.222.21/32';

function configFor(
  provider: VpnProvider,
  type: VpnType,
  extra: Partial<StackConfigInput['vpn']> = {},
): StackConfigInput {
  const needsAddress = vpnRule(provider, type)?.required.includes('wireguardAddresses');
  return sampleConfigInput({
    vpn: { provider, type, serverCountries: [], ...(needsAddress ? { wireguardAddresses: [ADDRESS] } : {}), ...extra },
  });
}

const envOf = (id: VpnFieldId) => vpnFields[id].env;
const otherProtocolVars = (type: VpnType) => (type === 'openvpn' ? /^WIREGUARD_/ : /^OPENVPN_/);

describe('VPN provider table', () => {
  it('lists exactly the providers gluetun v3.41.1 knows (providers.go All(), custom left out)', () => {
    expect([...vpnProviders].sort()).toEqual([
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
      'vpn unlimited',
      'vpnsecure',
      'vyprvpn',
      'windscribe',
    ]);
    expect(combos.length + refused.length).toBe(vpnProviders.length * 2);
  });

  it('offers WireGuard only where gluetun accepts it, and no Mullvad OpenVPN', () => {
    expect(
      combos
        .filter(([, t]) => t === 'wireguard')
        .map(([p]) => p)
        .sort(),
    ).toEqual(['airvpn', 'fastestvpn', 'ivpn', 'mullvad', 'nordvpn', 'protonvpn', 'surfshark', 'windscribe']);
    expect(refused).toContainEqual(['mullvad', 'openvpn']);
  });

  describe.each(combos)('%s + %s', (provider, type) => {
    const rule = vpnRule(provider, type)!;
    it('generates an environment gluetun starts with: every required variable set, nothing of the other protocol', () => {
      const env = gluetunEnv(configFor(provider, type), vaultValue);
      expect(env.VPN_SERVICE_PROVIDER).toBe(provider);
      expect(env.VPN_TYPE).toBe(type);
      for (const id of rule.required) expect(env[envOf(id)], envOf(id)).toMatch(/\S/);
      const credentialVars = Object.keys(env).filter((k) => /^(OPENVPN|WIREGUARD)_/.test(k));
      expect(credentialVars.filter((k) => otherProtocolVars(type).test(k))).toEqual([]);
      // Nothing the table does not name for this combination.
      expect(credentialVars.every((k) => [...rule.required, ...rule.optional].some((id) => envOf(id) === k))).toBe(
        true,
      );
      expect(gluetunRefusals(env)).toEqual([]);
    });

    it('gluetun would refuse it with any one required value missing (the table asks for nothing superfluous)', () => {
      for (const id of rule.required) {
        const field = vpnFields[id];
        if (!('secret' in field)) continue;
        const without = { ...vaultValue };
        delete without[field.secret];
        // A required secret is a ${UPS_…:?} reference: compose itself refuses to start without it.
        expect(() => gluetunEnv(configFor(provider, type), without), id).toThrow(/compose refuses to start/);
      }
      if (rule.required.includes('wireguardAddresses')) {
        expect(StackConfigSchema.safeParse(configFor(provider, type, { wireguardAddresses: [] })).success).toBe(false);
        const env = gluetunEnv(configFor(provider, type), vaultValue);
        expect(gluetunRefusals({ ...env, WIREGUARD_ADDRESSES: '' })).toContain('Wireguard interface address not set');
      }
    });

    it('generates server filters only where gluetun has them', () => {
      const row = vpnTable[provider];
      const r = StackConfigSchema.safeParse(
        configFor(provider, type, { serverCountries: ['Netherlands'], serverCities: ['Amsterdam'] }),
      );
      const fields = r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
      expect(fields.includes('vpn.serverCountries')).toBe(!row.countries);
      expect(fields.includes('vpn.serverCities')).toBe(!row.cities);
      const env = gluetunEnv(
        configFor(provider, type, {
          serverCountries: row.countries ? ['Netherlands'] : [],
          serverCities: row.cities ? ['Amsterdam'] : [],
        }),
        vaultValue,
      );
      expect(gluetunRefusals(env)).toEqual([]);
    });
  });

  it.each(refused)('%s + %s is refused by StackConfig with the reason and the fix', (provider, type) => {
    const r = StackConfigSchema.safeParse(configFor(provider, type));
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join('.') === 'vpn.type');
    expect(issue?.message).toMatch(
      provider === 'mullvad'
        ? /^Mullvad ended OpenVPN support in January 2026: choose WireGuard\.$/
        : /^.+ supports only OpenVPN in gluetun: choose OpenVPN\.$/,
    );
  });

  it('stores a PEM file as the base64 DER gluetun decodes (and refuses text that is not one)', () => {
    expect(Buffer.from(der(keyPem), 'base64').equals(pair.privateKey.export({ type: 'pkcs8', format: 'der' }))).toBe(
      true,
    );
    expect(encPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(pemToBase64Der(`Some header text\n${certPem}\ntrailing`)).toBe(der(certPem));
    expect(pemToBase64Der('-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----')).toBeNull();
    expect(pemToBase64Der('me@example.com')).toBeNull();
  });

  it('IVPN OpenVPN: an account-ID user starts without a password, any other user needs one (openvpn.go l.107-108)', () => {
    const noPassword = { ...vaultValue };
    delete noPassword['vpn.openvpn.password'];
    expect(
      gluetunRefusals(
        gluetunEnv(configFor('ivpn', 'openvpn'), { ...noPassword, 'vpn.openvpn.user': 'i-ab12-cd34-ef56' }),
      ),
    ).toEqual([]);
    expect(gluetunRefusals(gluetunEnv(configFor('ivpn', 'openvpn'), noPassword))).toEqual([
      'OpenVPN password is empty',
    ]);
  });

  it('reads the old "vpn secure" spelling as gluetun\'s "vpnsecure"', () => {
    const env = gluetunEnv(
      { ...configFor('vpnsecure', 'openvpn'), vpn: { provider: 'vpn secure' as VpnProvider, type: 'openvpn' } },
      vaultValue,
    );
    expect(env.VPN_SERVICE_PROVIDER).toBe('vpnsecure');
  });

  it('NordVPN/ProtonVPN WireGuard: the address is optional (gluetun defaults it) and written only when given', () => {
    expect(gluetunEnv(configFor('nordvpn', 'wireguard'), vaultValue)).not.toHaveProperty('WIREGUARD_ADDRESSES');
    expect(
      gluetunEnv(configFor('protonvpn', 'wireguard', { wireguardAddresses: ['10.2.0.2'] }), vaultValue)
        .WIREGUARD_ADDRESSES,
    ).toBe('10.2.0.2/32');
    expect(
      StackConfigSchema.safeParse(configFor('nordvpn', 'openvpn', { wireguardAddresses: [ADDRESS] })).success,
    ).toBe(false);
  });
});
