// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPorts, type StackSettings } from '../../core/contract';
import { LAN_ACCESS_LABEL } from '../components/LanAccessChoice';
import { failWith, fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { settingsChanges, StackSettingsForm } from './StackSettingsForm';

const saved: StackSettings = {
  installRoot: '/srv/ups',
  timeZone: 'Europe/Berlin',
  ports: { ...defaultPorts, radarr: 7878, sonarr: 8989 },
  lanAccess: false,
  enabledPorts: ['radarr', 'sonarr'],
};

afterEach(cleanup);

describe('settingsChanges', () => {
  it('sends only what changed, and non-numbers as typed so the core names the field', () => {
    expect(settingsChanges(saved, 'Europe/Berlin', { radarr: '7878', sonarr: '8989' })).toEqual({});
    expect(settingsChanges(saved, 'America/New_York', { radarr: ' 7900 ', sonarr: '8989' })).toEqual({
      timeZone: 'America/New_York',
      ports: { radarr: 7900 },
    });
    expect(settingsChanges(saved, 'Europe/Berlin', { radarr: 'abc', sonarr: '8989' })).toEqual({
      ports: { radarr: 'abc' },
    });
    expect(settingsChanges(saved, 'Europe/Berlin', { radarr: '7878', sonarr: '8989' }, true)).toEqual({
      lanAccess: true,
    });
    expect(
      settingsChanges({ ...saved, lanAccess: true }, 'Europe/Berlin', { radarr: '7878', sonarr: '8989' }, true),
    ).toEqual({});
  });
});

describe('StackSettingsForm', () => {
  it('shows a refused port next to its field with the fix, and a saved change', async () => {
    const api = fakeUps({
      'stack.settings.get': () => saved,
      // The core refuses a bad value when asked for the plan, before anything is written or confirmed.
      'stack.settings.plan': (input) =>
        (input.ports ?? {}).radarr === 8989
          ? failWith({
              code: 'BAD_INPUT',
              field: 'ports.radarr',
              message: 'ports.radarr: port 8989 is already used by ports.sonarr',
              fix: 'Pick a different host port.',
            })
          : { restart: ['radarr'], total: 8 },
      'stack.settings.update': (input) => {
        const ports = input.ports ?? {};
        return {
          settings: { ...saved, ports: { ...saved.ports, ...ports } },
          written: ['stack.yml', 'compose.yaml'],
          backup: '.backups/x',
          applied: true,
        };
      },
    });
    renderWithUps(api, <StackSettingsForm />);
    const radarr = (await screen.findByTestId('setting-port-radarr')) as HTMLInputElement;
    fireEvent.change(radarr, { target: { value: '8989' } });
    fireEvent.click(screen.getByTestId('save-stack-settings'));
    // Under the box, plain: no field path in front, the other port by its name.
    await screen.findByText('Port 8989 is already used by the Sonarr port Pick a different host port.');
    expect(document.body.textContent).not.toMatch(/ports\.\w+/);
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(api.count('stack.settings.update')).toBe(0);
    expect(screen.queryByTestId('stack-settings-error')).toBeNull();
    fireEvent.change(radarr, { target: { value: '7900' } });
    fireEvent.click(screen.getByTestId('save-stack-settings'));
    fireEvent.click(await screen.findByTestId('confirm-yes'));
    await waitFor(() => expect(screen.getByTestId('stack-settings-saved').textContent).toContain('Saved and applied'));
    expect(api.inputs('stack.settings.update').at(-1)).toEqual({ ports: { radarr: 7900 }, apply: true });
  });
});

describe('StackSettingsForm LAN access', () => {
  it('shows what each position means and sends only the switch when it alone changed', async () => {
    const api = fakeUps({
      'stack.settings.get': () => saved,
      'stack.settings.plan': () => ({ restart: ['radarr', 'sonarr'], total: 8 }),
      'stack.settings.update': () => ({
        settings: { ...saved, lanAccess: true },
        written: ['stack.yml', 'compose.yaml'],
        backup: '.backups/x',
        applied: true,
      }),
    });
    renderWithUps(api, <StackSettingsForm />);
    const toggle = (await screen.findByLabelText(LAN_ACCESS_LABEL)) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(screen.getByTestId('lan-access-text').textContent).toMatch(/only on this PC.*Plex stays reachable/);
    fireEvent.click(toggle);
    expect(screen.getByTestId('lan-access-text').textContent).toMatch(
      /Any device on your network.*still asks for its password/,
    );
    fireEvent.click(screen.getByTestId('save-stack-settings'));
    fireEvent.click(await screen.findByTestId('confirm-yes'));
    await waitFor(() => expect(screen.getByTestId('stack-settings-saved').textContent).toContain('Saved and applied'));
    expect(api.inputs('stack.settings.update')).toEqual([{ lanAccess: true, apply: true }]);
  });
});

describe('StackSettingsForm confirmation', () => {
  it('says which apps restart (the core’s list) before saving, and Cancel sends nothing', async () => {
    const api = fakeUps({
      'stack.settings.get': () => saved,
      'stack.settings.plan': () => ({ restart: ['vpn', 'qbittorrent'], total: 8 }),
    });
    renderWithUps(api, <StackSettingsForm />);
    fireEvent.change(await screen.findByTestId('setting-port-radarr'), { target: { value: '7900' } });
    fireEvent.click(screen.getByTestId('save-stack-settings'));
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('VPN and qBittorrent restart');
    expect(api.inputs('stack.settings.plan')).toEqual([{ ports: { radarr: 7900 } }]);
    fireEvent.click(screen.getByTestId('confirm-no'));
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
    expect(api.count('stack.settings.update')).toBe(0);
  });
});

describe('StackSettingsForm Usenet news server', () => {
  const news = { host: 'news.example.com', port: 563, tls: true, username: 'reader', connections: 8 };
  const withNzbget: StackSettings = { ...saved, enabledPorts: ['radarr', 'sonarr', 'nzbget'], usenet: news };
  const applied = { operationId: 'op', steps: [], ok: true };

  it('is shown only when NZBGet is installed', async () => {
    renderWithUps(fakeUps({ 'stack.settings.get': () => saved }), <StackSettingsForm />);
    await screen.findByTestId('setting-port-radarr');
    expect(screen.queryByTestId('settings-usenet')).toBeNull();
  });

  it('edits the server, stores a new password in the vault only, then has the wiring give it to NZBGet', async () => {
    const api = fakeUps({
      'stack.settings.get': () => withNzbget,
      // A news server is written into NZBGet through its API: no container restarts.
      'stack.settings.plan': () => ({ restart: [], total: 8 }),
      'stack.settings.update': (input) => ({
        settings: { ...withNzbget, usenet: input.usenet as typeof news },
        written: ['stack.yml'],
        backup: null,
        applied: false,
      }),
      'secrets.set': (input) => ({ name: input.name }),
      'wiring.apply': () => applied,
    });
    renderWithUps(api, <StackSettingsForm />);
    const host = (await screen.findByTestId('usenet-host')) as HTMLInputElement;
    expect(host.value).toBe('news.example.com');
    // The stored password is never read back: the box starts empty and says what empty means.
    expect((screen.getByTestId('usenet-password') as HTMLInputElement).value).toBe('');
    expect(screen.getByText(/Leave empty to keep the stored password/)).toBeTruthy();
    fireEvent.change(host, { target: { value: 'eu.news.example.com' } });
    fireEvent.change(screen.getByTestId('usenet-password'), { target: { value: 'n3w-pass' } });
    fireEvent.click(screen.getByTestId('save-stack-settings'));
    expect((await screen.findByTestId('confirm-dialog')).textContent).toMatch(/NZBGet takes the news server/);
    fireEvent.click(screen.getByTestId('confirm-yes'));
    await waitFor(() => expect(screen.getByTestId('stack-settings-saved').textContent).toMatch(/NZBGet now uses/));
    expect(api.inputs('stack.settings.update')).toEqual([
      { usenet: { ...news, host: 'eu.news.example.com' }, apply: true },
    ]);
    expect(api.inputs('secrets.set')).toEqual([{ name: 'nzbget.server.password', value: 'n3w-pass' }]);
    expect(JSON.stringify(api.inputs('stack.settings.update'))).not.toContain('n3w-pass');
    expect(api.count('wiring.apply')).toBe(1);
    expect((screen.getByTestId('usenet-password') as HTMLInputElement).value).toBe('');
  });

  it('a refused server is shown on its field in plain words, and nothing is stored or wired', async () => {
    const api = fakeUps({
      'stack.settings.get': () => withNzbget,
      // The core refuses the value when asked what the change restarts, before any confirm or write.
      'stack.settings.plan': () =>
        failWith({
          code: 'BAD_INPUT',
          field: 'usenet.host',
          message: "usenet.host: must be your provider's news server name, like news.example.com (no http://, no port)",
          fix: 'Correct the news server.',
        }),
    });
    renderWithUps(api, <StackSettingsForm />);
    fireEvent.change(await screen.findByTestId('usenet-host'), { target: { value: 'https://news.example.com' } });
    fireEvent.change(screen.getByTestId('usenet-password'), { target: { value: 'n3w-pass' } });
    fireEvent.click(screen.getByTestId('save-stack-settings'));
    expect(await screen.findByText(/^Must be your provider's news server name/)).toBeTruthy();
    expect(screen.queryByTestId('confirm-dialog')).toBeNull();
    expect(api.count('stack.settings.update')).toBe(0);
    expect(screen.queryByText(/usenet\.host/)).toBeNull();
    expect(screen.queryByTestId('stack-settings-error')).toBeNull();
    expect(api.count('secrets.set')).toBe(0);
    expect(api.count('wiring.apply')).toBe(0);
  });

  it('emptying the server removes it (null), without asking the vault', async () => {
    const api = fakeUps({
      'stack.settings.get': () => withNzbget,
      'stack.settings.plan': () => ({ restart: [], total: 8 }),
      'stack.settings.update': () => ({
        settings: { ...saved, enabledPorts: withNzbget.enabledPorts },
        written: ['stack.yml'],
        backup: null,
        applied: false,
      }),
      'wiring.apply': () => applied,
    });
    renderWithUps(api, <StackSettingsForm />);
    fireEvent.change(await screen.findByTestId('usenet-host'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('save-stack-settings'));
    fireEvent.click(await screen.findByTestId('confirm-yes'));
    await screen.findByTestId('stack-settings-saved');
    expect(api.inputs('stack.settings.update')).toEqual([{ usenet: null, apply: true }]);
    expect(api.count('secrets.set')).toBe(0);
  });
});
