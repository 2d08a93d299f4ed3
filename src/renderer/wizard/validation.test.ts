// Wizard form rules: StackConfig's own messages, keyed by field, shown on the step that can fix them without the field path.
import { describe, expect, it } from 'vitest';
import { stepOf, validateDraft, validateStep } from './validation';
import { emptyCredentials, secretsToStore, validateCredentials, type CredentialForm } from './vpn-credentials';

const location = { installRoot: 'D:\\UltimatePlexStack', dataRoot: 'D:\\Media', timeZone: 'Europe/Berlin' };

describe('step validation from the StackConfig schema', () => {
  it('names each location field that is wrong', () => {
    const errors = validateStep('location', { installRoot: '', dataRoot: '\\\\nas\\media', timeZone: 'Mars/Olympus' });
    expect(Object.keys(errors).sort()).toEqual(['dataRoot', 'installRoot', 'timeZone']);
    expect(errors.installRoot).toMatch(/^Install root is empty/);
    expect(errors.dataRoot).toMatch(/^Data root is a network \(UNC\) path/);
    expect(errors.timeZone).toMatch(/^Must be an IANA time zone/);
  });

  it('catches the same folder for stack and media once the fields are otherwise valid', () => {
    expect(validateStep('location', { ...location, dataRoot: 'd:/ultimateplexstack/' })).toEqual({
      dataRoot: expect.stringMatching(/^Must differ from/),
    });
    expect(validateStep('location', location)).toEqual({});
  });

  it('asks for a download client, and for domain + e-mail when the proxy is on', () => {
    const none = validateStep('services', {
      ...location,
      services: { qbittorrent: false, nzbget: false, tdarr: false, proxy: { enabled: false } },
    });
    expect(none).toEqual({
      'services.qbittorrent': expect.stringMatching(
        /^At least one download client is needed: turn on qBittorrent or NZBGet/,
      ),
    });
    const proxy = validateStep('services', {
      ...location,
      services: { qbittorrent: true, nzbget: false, tdarr: false, proxy: { enabled: true, acmeEmail: 'not-an-email' } },
    });
    expect(Object.keys(proxy).sort()).toEqual(['services.proxy.acmeEmail', 'services.proxy.domain']);
    expect(proxy['services.proxy.acmeEmail']).toMatch(/^Must be an e-mail/);
  });

  it("does not show another step's problems, and maps fields back to their step for review", () => {
    expect(validateStep('services', { installRoot: '' })).toEqual({});
    expect(stepOf('services.proxy.domain')).toBe('services');
    expect(stepOf('vpn.serverCountries.0')).toBe('vpn');
    expect(validateDraft({ ...location }).config?.installRoot).toBe('D:/UltimatePlexStack');
  });
});

describe('no field path in any message a user reads (issue 20)', () => {
  const fieldPath = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*: /;
  it('step and credential errors start with the sentence, not with the field they are keyed by', () => {
    const messages = [
      ...Object.values(validateStep('location', { installRoot: '', dataRoot: 'rel', timeZone: 'Mars/Olympus' })),
      ...Object.values(
        validateStep('services', {
          ...location,
          services: { qbittorrent: false, nzbget: false, tdarr: false, proxy: { enabled: true, acmeEmail: 'x' } },
        }),
      ),
      ...Object.values(
        validateDraft({ ...location, vpn: { provider: 'nordvpn', type: 'openvpn', serverCountries: ['Atlantis'] } })
          .errors,
      ),
      ...Object.values(validateCredentials('nordvpn', 'openvpn', { ...emptyCredentials('fields'), values: {} })),
      ...Object.values(validateCredentials('nordvpn', 'openvpn', { ...emptyCredentials('nordtoken'), token: 'x' })),
    ];
    expect(messages.length).toBeGreaterThan(6);
    for (const m of messages) {
      expect(m, m).not.toMatch(fieldPath);
      expect(m.charAt(0), m).toBe(m.charAt(0).toUpperCase());
    }
  });
});

describe('VPN credentials', () => {
  const fields = (values: CredentialForm['values']): CredentialForm => ({ ...emptyCredentials('fields'), values });

  it('refuses a NordVPN account e-mail with the service-credentials hint', () => {
    const e = validateCredentials(
      'nordvpn',
      'openvpn',
      fields({ openvpnUser: 'me@example.com', openvpnPassword: 'secret1' }),
    );
    expect(e['vpn.openvpnUser']).toMatch(/^This looks like your Nord Account e-mail\. NordVPN needs an access token/);
    expect(
      validateCredentials(
        'expressvpn',
        'openvpn',
        fields({ openvpnUser: 'me@example.com', openvpnPassword: 'secret1' }),
      ),
    ).toEqual({});
    expect(
      validateCredentials('nordvpn', 'wireguard', { ...emptyCredentials('nordtoken'), token: 'me@example.com' })[
        'vpn.token'
      ],
    ).toMatch(/^That is an e-mail address, not a token\./);
  });

  it('asks exactly for the fields the table lists, naming each, with the WireGuard key format checked', () => {
    expect(validateCredentials('nordvpn', 'openvpn', fields({}))).toEqual({
      'vpn.openvpnUser': expect.stringMatching(/^VPN service /),
      'vpn.openvpnPassword': expect.stringMatching(/^VPN service /),
    });
    expect(Object.keys(validateCredentials('airvpn', 'wireguard', fields({})))).toEqual([
      'vpn.wireguardPrivateKey',
      'vpn.wireguardPresharedKey',
    ]);
    expect(Object.keys(validateCredentials('vpnsecure', 'openvpn', fields({})))).toEqual([
      'vpn.openvpnCert',
      'vpn.openvpnEncryptedKey',
      'vpn.openvpnKeyPassphrase',
    ]);
    expect(
      validateCredentials('mullvad', 'wireguard', fields({ wireguardPrivateKey: 'abc' }))['vpn.wireguardPrivateKey'],
    ).toMatch(/^A WireGuard key is 44 characters/);
    expect(
      validateCredentials(
        'mullvad',
        'wireguard',
        fields({ wireguardPrivateKey: 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=' }),
      ),
    ).toEqual({});
    expect(
      validateCredentials(
        'cyberghost',
        'openvpn',
        fields({ openvpnUser: 'u123', openvpnPassword: 'p12', openvpnCert: 'not a pem', openvpnKey: '' }),
      ),
    ).toEqual({
      'vpn.openvpnCert': expect.stringMatching(/^That is not a PEM file/),
      'vpn.openvpnKey': expect.stringMatching(/^Client key \(client\.key\) is needed for CyberGhost with OpenVPN/),
    });
  });

  it('IVPN: no password for an account-ID user, a password for any other user', () => {
    expect(validateCredentials('ivpn', 'openvpn', fields({ openvpnUser: 'i-ab12-cd34-ef56' }))).toEqual({});
    expect(Object.keys(validateCredentials('ivpn', 'openvpn', fields({ openvpnUser: 'me@example.com' })))).toEqual([
      'vpn.openvpnPassword',
    ]);
  });

  it('maps a form to exactly the vault entries it fills (files as one-line base64 DER, from a whole .ovpn too)', () => {
    expect(
      secretsToStore('nordvpn', 'openvpn', fields({ openvpnUser: ' u1234 ', openvpnPassword: 'p w' })).map((x) => [
        x.name,
        x.value,
      ]),
    ).toEqual([
      ['vpn.openvpn.user', 'u1234'],
      ['vpn.openvpn.password', 'p w'],
    ]);
    const ovpn =
      '<ca>\n-----BEGIN CERTIFICATE-----\nQ0FDQUNBQ0FDQUNBQ0FDQUNB\n-----END CERTIFICATE-----\n</ca>\n<cert>\n-----BEGIN CERTIFICATE-----\nQ0VSVENFUlRDRVJUQ0VS\nVENFUlQ=\n-----END CERTIFICATE-----\n</cert>\n<key>\n-----BEGIN PRIVATE KEY-----\nS0VZS0VZS0VZS0VZS0VZ\n-----END PRIVATE KEY-----\n</key>';
    expect(
      secretsToStore(
        'vpn unlimited',
        'openvpn',
        fields({ openvpnUser: 'u123', openvpnPassword: 'p12', openvpnCert: ovpn, openvpnKey: ovpn }),
      ).map((x) => [x.name, x.value]),
    ).toEqual([
      ['vpn.openvpn.user', 'u123'],
      ['vpn.openvpn.password', 'p12'],
      ['vpn.openvpn.cert', 'Q0VSVENFUlRDRVJUQ0VSVENFUlQ='],
      ['vpn.openvpn.key', 'S0VZS0VZS0VZS0VZS0VZ'],
    ]);
    expect(secretsToStore('nordvpn', 'wireguard', { ...emptyCredentials('nordtoken'), token: 'tok123' })).toEqual([]);
  });
});
