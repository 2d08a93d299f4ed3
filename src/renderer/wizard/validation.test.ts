// Wizard form rules: StackConfig's own messages, each naming its field, shown on the step that can fix them.
import { describe, expect, it } from 'vitest';
import { stepOf, validateDraft, validateStep } from './validation';
import { emptyCredentials, secretsToStore, validateCredentials } from './vpn-credentials';

const location = { installRoot: 'D:\\UltimatePlexStack', dataRoot: 'D:\\Media', timeZone: 'Europe/Berlin' };

describe('step validation from the StackConfig schema', () => {
  it('names each location field that is wrong', () => {
    const errors = validateStep('location', { installRoot: '', dataRoot: '\\\\nas\\media', timeZone: 'Mars/Olympus' });
    expect(Object.keys(errors).sort()).toEqual(['dataRoot', 'installRoot', 'timeZone']);
    expect(errors.installRoot).toMatch(/^installRoot: install root is empty/);
    expect(errors.dataRoot).toMatch(/^dataRoot: data root is a network \(UNC\) path/);
    expect(errors.timeZone).toMatch(/^timeZone: must be an IANA time zone/);
  });

  it('catches the same folder for stack and media once the fields are otherwise valid', () => {
    expect(validateStep('location', { ...location, dataRoot: 'd:/ultimateplexstack/' })).toEqual({ dataRoot: expect.stringMatching(/^dataRoot: must differ from installRoot/) });
    expect(validateStep('location', location)).toEqual({});
  });

  it('asks for a download client, and for domain + e-mail when the proxy is on', () => {
    const none = validateStep('services', { ...location, services: { qbittorrent: false, nzbget: false, tdarr: false, proxy: { enabled: false } } });
    expect(none).toEqual({ 'services.qbittorrent': expect.stringMatching(/at least one download client/) });
    const proxy = validateStep('services', { ...location, services: { qbittorrent: true, nzbget: false, tdarr: false, proxy: { enabled: true, acmeEmail: 'not-an-email' } } });
    expect(Object.keys(proxy).sort()).toEqual(['services.proxy.acmeEmail', 'services.proxy.domain']);
    expect(proxy['services.proxy.acmeEmail']).toMatch(/^services\.proxy\.acmeEmail: must be an e-mail/);
  });

  it('does not show another step\'s problems, and maps fields back to their step for review', () => {
    expect(validateStep('services', { installRoot: '' })).toEqual({});
    expect(stepOf('services.proxy.domain')).toBe('services');
    expect(stepOf('vpn.serverCountries.0')).toBe('vpn');
    expect(validateDraft({ ...location }).config?.installRoot).toBe('D:/UltimatePlexStack');
  });
});

describe('VPN credentials', () => {
  it('refuses a NordVPN account e-mail with the service-credentials hint', () => {
    const e = validateCredentials('nordvpn', { ...emptyCredentials('userpass'), user: 'me@example.com', password: 'secret1' });
    expect(e['vpn.user']).toMatch(/^vpn\.user: this looks like your Nord Account e-mail\. NordVPN needs your service credentials/);
    expect(validateCredentials('mullvad', { ...emptyCredentials('userpass'), user: 'me@example.com', password: 'secret1' })).toEqual({});
  });

  it('checks presence and WireGuard key format, naming the field', () => {
    expect(validateCredentials('nordvpn', emptyCredentials('userpass'))).toEqual({ 'vpn.user': expect.stringMatching(/^vpn\.user: /), 'vpn.password': expect.stringMatching(/^vpn\.password: /) });
    expect(validateCredentials('mullvad', { ...emptyCredentials('wgkey'), privateKey: 'abc' })['vpn.privateKey']).toMatch(/^vpn\.privateKey: a WireGuard private key is 44 characters/);
    expect(validateCredentials('mullvad', { ...emptyCredentials('wgkey'), privateKey: 'yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=' })).toEqual({});
  });

  it('maps a form to exactly the vault entries it fills', () => {
    expect(secretsToStore({ ...emptyCredentials('userpass'), user: ' u1234 ', password: 'p w' }).map((x) => [x.name, x.value])).toEqual([
      ['vpn.openvpn.user', 'u1234'],
      ['vpn.openvpn.password', 'p w'],
    ]);
    expect(secretsToStore({ ...emptyCredentials('nordtoken'), token: 'tok123' })).toEqual([{ name: 'vpn.nordvpn.access_token', value: 'tok123' }]);
  });
});
