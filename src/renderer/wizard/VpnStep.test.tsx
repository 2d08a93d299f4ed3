// @vitest-environment jsdom
// The wizard's VPN step, driven by the provider table: only protocols gluetun accepts are offered, each combination
// asks for exactly its fields (a file picker for certificates), and NordVPN takes an access token that goes to
// vpn.nordvpn.derive — never to the vault or the saved draft — with a plain error when NordVPN refuses it.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UpsApi, WizardDraft } from '../../core/contract';
import { initialWizard, useWizardStore } from '../stores/wizard-store';
import { renderWithUps } from '../test-support/render-with-ups';
import { VpnStep } from './VpnStep';

type Answer =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; field?: string; fix?: string } };
const TOKEN = 'e9f2c4a7b1d85036fa2e9c7d4b1a0f3e8d6c5b4a39281706f5e4d3c2b1a09f8e';

function fakeApi(over: Record<string, (input: unknown) => Answer> = {}) {
  const calls: { channel: string; input: unknown }[] = [];
  const answers: Record<string, (input: unknown) => Answer> = {
    'secrets.status': () => ({ ok: true, value: { backend: 'Windows Credential Manager', entries: [] } }),
    'secrets.set': (i) => ({ ok: true, value: { name: (i as { name: string }).name } }),
    'vpn.nordvpn.derive': () => ({ ok: true, value: { stored: ['vpn.wireguard.private_key'] } }),
    'wizard.save': () => ({ ok: true, value: { savedAt: 'now' } }),
    ...over,
  };
  const api = {
    async invoke(channel: string, input: unknown) {
      calls.push({ channel, input });
      const a = answers[channel];
      return a ? a(input) : { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${channel}".` } };
    },
    subscribe: () => () => undefined,
  } as unknown as UpsApi;
  return { api, calls, of: (c: string) => calls.filter((x) => x.channel === c).map((x) => x.input) };
}

function ui(api: UpsApi, vpn: WizardDraft['vpn']) {
  useWizardStore.setState({
    state: {
      ...initialWizard,
      step: 'vpn',
      completed: ['welcome', 'checks', 'location', 'services'],
      draft: { installRoot: 'D:\\UPS', dataRoot: 'D:\\Media', timeZone: 'Europe/Berlin', vpn },
    },
    loaded: true,
  });
  return renderWithUps(api, <VpnStep />);
}

const protocols = () =>
  within(screen.getByTestId('field-protocol'))
    .getAllByRole('radio')
    .map((r) => r.getAttribute('value'));
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const savedDraft = (saves: unknown[]) => (saves.at(-1) as { draft: WizardDraft }).draft;

afterEach(cleanup);

describe('VpnStep', () => {
  it('NordVPN + WireGuard with an access token: derives the key through vpn.nordvpn.derive and keeps the token nowhere', async () => {
    const { api, calls, of } = fakeApi();
    ui(api, { provider: 'nordvpn', type: 'wireguard', serverCountries: [] });
    expect(protocols()).toEqual(['openvpn', 'wireguard']);
    expect(screen.queryByTestId('field-wireguardPrivateKey')).toBeNull();
    type('field-token', ` ${TOKEN} `);
    fireEvent.click(screen.getByTestId('wizard-next'));
    await waitFor(() => expect(of('wizard.save')).toHaveLength(1));
    expect(of('vpn.nordvpn.derive')).toEqual([{ token: TOKEN, type: 'wireguard' }]);
    expect(of('secrets.set')).toEqual([]);
    expect(savedDraft(of('wizard.save')).vpn).toEqual({
      provider: 'nordvpn',
      type: 'wireguard',
      serverCountries: [],
      wireguardAddresses: [],
    });
    expect(JSON.stringify(calls.filter((c) => c.channel !== 'vpn.nordvpn.derive'))).not.toContain(TOKEN);
  });

  it('a token NordVPN refuses shows its cause and fix and does not move on', async () => {
    const refused = {
      ok: false as const,
      error: {
        code: 'UNAUTHORIZED',
        field: 'token',
        message: 'NordVPN did not accept this access token: it is wrong, expired or was revoked.',
        fix: 'Generate a new token (Nord Account → NordVPN → Set up NordVPN manually → Access token → Generate new token) and paste it here.',
      },
    };
    const { api, of } = fakeApi({ 'vpn.nordvpn.derive': () => refused });
    ui(api, { provider: 'nordvpn', type: 'wireguard', serverCountries: [] });
    type('field-token', TOKEN);
    fireEvent.click(screen.getByTestId('wizard-next'));
    const bar = await screen.findByTestId('vpn-save-error');
    expect(bar.textContent).toContain('Your NordVPN keys could not be fetched');
    expect(bar.textContent).toContain(refused.error.message);
    expect(bar.textContent).toContain('Generate a new token');
    expect(of('wizard.save')).toEqual([]);
  });

  it('an e-mail typed as the token is caught before any call', async () => {
    const { api, of } = fakeApi();
    ui(api, { provider: 'nordvpn', type: 'openvpn', serverCountries: [] });
    type('field-token', 'me@example.com');
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect((await screen.findByText(/^That is an e-mail address, not a token\./)).textContent).toContain(
      'not the e-mail and password',
    );
    expect(of('vpn.nordvpn.derive')).toEqual([]);
  });

  it('NordVPN OpenVPN service credentials still go straight to the vault', async () => {
    const { api, of } = fakeApi();
    ui(api, { provider: 'nordvpn', type: 'openvpn', serverCountries: [] });
    fireEvent.click(within(screen.getByTestId('field-mode')).getByLabelText('Service user name and password'));
    type('field-openvpnUser', 'HtK3svcUser');
    type('field-openvpnPassword', 'svc-pass-1');
    fireEvent.click(screen.getByTestId('wizard-next'));
    await waitFor(() => expect(of('wizard.save')).toHaveLength(1));
    expect(of('secrets.set')).toEqual([
      { name: 'vpn.openvpn.user', value: 'HtK3svcUser' },
      { name: 'vpn.openvpn.password', value: 'svc-pass-1' },
    ]);
    expect(of('vpn.nordvpn.derive')).toEqual([]);
  });

  it('shows the provider by its own name, not the id gluetun takes', () => {
    ui(fakeApi().api, { provider: 'nordvpn', type: 'wireguard', serverCountries: [] });
    const field = screen.getByTestId('field-provider');
    expect(field.textContent).toContain('NordVPN');
    expect(field.textContent).not.toContain('nordvpn');
  });

  it('a provider without WireGuard in gluetun is offered OpenVPN only', () => {
    ui(fakeApi().api, { provider: 'expressvpn', type: 'openvpn', serverCountries: [] });
    expect(protocols()).toEqual(['openvpn']);
    expect(screen.queryByTestId('field-mode')).toBeNull();
    expect(screen.getByTestId('field-openvpnUser')).toBeTruthy();
  });

  it('Mullvad: WireGuard only, and the interface address is asked for and saved in the draft', async () => {
    const { api, of } = fakeApi();
    ui(api, { provider: 'mullvad', type: 'wireguard', serverCountries: [] });
    expect(protocols()).toEqual(['wireguard']);
    type('field-wireguardPrivateKey', 'wOEI9rqqbDwnN8/Bpp22sVz48T71vJ4fYmFWujulwUU=');
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(await screen.findByText(/^Mullvad WireGuard needs your interface address\./)).toBeTruthy();
    expect(of('secrets.set')).toEqual([]);
    type('field-wireguardAddresses', '10.64.222.21');
    fireEvent.click(screen.getByTestId('wizard-next'));
    await waitFor(() => expect(of('wizard.save')).toHaveLength(1));
    expect(savedDraft(of('wizard.save')).vpn?.wireguardAddresses).toEqual(['10.64.222.21']);
    expect(of('secrets.set')).toEqual([
      { name: 'vpn.wireguard.private_key', value: 'wOEI9rqqbDwnN8/Bpp22sVz48T71vJ4fYmFWujulwUU=' },
    ]);
  });

  it('CyberGhost OpenVPN: certificate and key come from a picked file and are stored as base64 DER', async () => {
    const { api, of } = fakeApi();
    ui(api, { provider: 'cyberghost', type: 'openvpn', serverCountries: [] });
    expect(screen.queryByTestId('field-openvpnEncryptedKey')).toBeNull();
    type('field-openvpnUser', 'cg-user-1');
    type('field-openvpnPassword', 'cg-pass-1');
    const pem = (label: string, body: string) =>
      `-----BEGIN ${label}-----\n${body.slice(0, 16)}\n${body.slice(16)}\n-----END ${label}-----\n`;
    const certFile = new File([pem('CERTIFICATE', 'Q0VSVENFUlRDRVJUQ0VSVENFUlQ=')], 'client.crt', {
      type: 'text/plain',
    });
    fireEvent.change(screen.getByTestId('file-openvpnCert'), { target: { files: [certFile] } });
    await waitFor(() =>
      expect((screen.getByTestId('field-openvpnCert') as HTMLTextAreaElement).value).toContain('BEGIN CERTIFICATE'),
    );
    type('field-openvpnKey', pem('PRIVATE KEY', 'S0VZS0VZS0VZS0VZS0VZS0VZ'));
    fireEvent.click(screen.getByTestId('wizard-next'));
    await waitFor(() => expect(of('wizard.save')).toHaveLength(1));
    expect(of('secrets.set')).toEqual([
      { name: 'vpn.openvpn.user', value: 'cg-user-1' },
      { name: 'vpn.openvpn.password', value: 'cg-pass-1' },
      { name: 'vpn.openvpn.cert', value: 'Q0VSVENFUlRDRVJUQ0VSVENFUlQ=' },
      { name: 'vpn.openvpn.key', value: 'S0VZS0VZS0VZS0VZS0VZS0VZ' },
    ]);
  });
});
