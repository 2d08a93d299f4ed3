// @vitest-environment jsdom
// The shell and the wizard in jsdom: view choice, resume from wizard.load, field-named errors, secrets kept out of saves.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutput, EnvCheck, WizardProgress } from '../core/contract';
import { App } from './App';
import { useShellStore } from './stores/shell-store';
import { useWizardStore, initialWizard } from './stores/wizard-store';
import { useChecksStore } from './stores/checks-store';
import { failWith, fakeUps, type FakeAnswers, type FakeUps } from './test-support/fake-ups';
import { UpsProvider } from './ups-context';

const env = (overall: EnvCheck['overall'], state: 'ok' | 'fail'): EnvCheck => ({
  checkedAt: 'now',
  overall,
  checks: [
    {
      id: 'docker.engine',
      title: 'Docker engine reachable',
      state,
      detail: state === 'ok' ? 'Docker 27' : 'No engine',
      fixes: state === 'ok' ? [] : [{ kind: 'steps', text: 'Start Docker Desktop.', command: 'docker version' }],
    },
  ],
  docker: { reachable: true, endpoint: 'x' },
  compose: { available: true },
  vault: { usable: true, backend: 'b' },
});

const installed: CallOutput<'stack.install'> = {
  installRoot: 'D:/UPS',
  written: [],
  unchanged: [],
  backup: null,
  createdSecrets: [],
  services: [],
  started: true,
  hardlink: null,
};

/** The shared typed fake, answering what every wizard screen reads; a test adds or replaces answers. */
function fakeApi(
  opts: {
    installRoot?: string | null;
    progress?: WizardProgress | null;
    checks?: EnvCheck[];
    extra?: FakeAnswers;
  } = {},
) {
  let checkRuns = 0;
  return fakeUps({
    'app.info': () => ({
      version: 't',
      platform: 'win32',
      arch: 'x64',
      door: 'browser',
      installRoot: opts.installRoot ?? null,
    }),
    'wizard.load': () => opts.progress ?? null,
    'wizard.save': () => ({ savedAt: 'now' }),
    'env.check': () => (opts.checks ?? [env('ok', 'ok')])[Math.min(checkRuns++, (opts.checks?.length ?? 1) - 1)]!,
    'stack.status': () => ({ project: 'ups', overall: 'not-installed', services: [], observedAt: 'now' }),
    'vpn.check': () => ({ verdict: 'unknown', reason: 'no stack', stopped: [], checkedAt: 'now' }),
    'links.test': () => ({ links: [], ok: true }),
    'secrets.status': () => ({
      backend: 'Windows Credential Manager',
      entries: [
        { name: 'vpn.openvpn.user', label: 'VPN service user name (OpenVPN)', envVar: 'X', set: true },
        { name: 'plex.token', label: 'Plex token', envVar: 'Y', set: false },
      ],
    }),
    'secrets.set': (input) => ({ name: input.name }),
    'stack.config.validate': () => ({ valid: true, errors: [] }),
    'plex.account': () => ({ account: null, server: 'not-installed' }),
    ...opts.extra,
  });
}

const app = (api: FakeUps) =>
  render(
    <UpsProvider api={api}>
      <App />
    </UpsProvider>,
  );

beforeEach(() => {
  useShellStore.setState({ state: { phase: 'loading' } });
  useWizardStore.setState({ state: initialWizard, loaded: false, loadError: undefined, saveError: undefined });
  useChecksStore.setState({ state: { phase: 'idle' } });
});
afterEach(cleanup);

const saves = (api: FakeUps) => api.inputs('wizard.save');

describe('app shell', () => {
  it('opens the wizard when nothing is installed and the dashboard when a stack is', async () => {
    app(fakeApi());
    await screen.findByText('Welcome to Ultimate Plex Stack');
    cleanup();
    useShellStore.setState({ state: { phase: 'loading' } });
    app(fakeApi({ installRoot: 'D:/UPS' }));
    await screen.findByTestId('dashboard');
    // No containers yet: the neutral page that leads to setup, not a red error.
    expect(await screen.findByTestId('dashboard-empty')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('after an install that failed, opens the wizard again (where the user left it), not the dashboard', async () => {
    app(
      fakeApi({
        installRoot: 'D:/UPS',
        progress: {
          version: 1,
          step: 'install',
          completed: ['welcome', 'checks', 'location', 'services', 'vpn', 'plex', 'review'],
          draft: { installRoot: 'D:\\UPS', dataRoot: 'D:\\Media', timeZone: 'UTC' },
        },
      }),
    );
    await screen.findByTestId('wizard');
    expect(screen.queryByTestId('dashboard')).toBeNull();
  });
});

describe('wizard', () => {
  it('resumes at the saved step with the saved answers', async () => {
    const progress: WizardProgress = {
      version: 1,
      step: 'location',
      completed: ['welcome', 'checks'],
      draft: { installRoot: 'E:\\Stack' },
    };
    app(fakeApi({ progress }));
    const field = (await screen.findByTestId('field-installRoot')) as HTMLInputElement;
    expect(field.value).toBe('E:\\Stack');
    expect(screen.getByTestId('wizard').getAttribute('data-step')).toBe('location');
    // Passed steps are reachable from the step list; later ones are not links.
    expect(screen.queryByTestId('goto-services')).toBeNull();
    fireEvent.click(screen.getByTestId('goto-checks'));
    await waitFor(() => expect(screen.getByTestId('wizard').getAttribute('data-step')).toBe('checks'));
  });

  it('shows checks with their fixes, blocks Next on failure, and re-runs', async () => {
    const api = fakeApi({
      progress: { version: 1, step: 'checks', completed: ['welcome'], draft: {} },
      checks: [env('fail', 'fail'), env('ok', 'ok')],
    });
    app(api);
    await screen.findByText('No engine');
    expect(screen.getByText('docker version')).toBeTruthy();
    expect(screen.getByTestId('check-docker.engine').getAttribute('data-state')).toBe('fail');
    expect((screen.getByTestId('wizard-next') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Run checks again' }));
    await waitFor(() => expect(screen.getByTestId('check-docker.engine').getAttribute('data-state')).toBe('ok'));
    fireEvent.click(screen.getByTestId('wizard-next'));
    await waitFor(() => expect(saves(api).at(-1)).toMatchObject({ step: 'location', checks: { overall: 'ok' } }));
  });

  it('names the wrong fields on the location step and saves nothing until they are fixed', async () => {
    const api = fakeApi({ progress: { version: 1, step: 'location', completed: ['welcome', 'checks'], draft: {} } });
    app(api);
    fireEvent.change(await screen.findByTestId('field-installRoot'), { target: { value: 'relative\\folder' } });
    fireEvent.change(screen.getByTestId('field-timeZone'), { target: { value: 'Nowhere/Town' } });
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(await screen.findByText(/^Install root is not absolute/)).toBeTruthy();
    expect(screen.getByText(/^Data root is empty/)).toBeTruthy();
    expect(screen.getByText(/^Must be an IANA time zone/)).toBeTruthy();
    // The box the message sits under names the field: no field path in front of any message (issue 20).
    expect(document.body.textContent).not.toMatch(/(installRoot|dataRoot|timeZone): /);
    expect(saves(api)).toEqual([]);
    fireEvent.change(screen.getByTestId('field-installRoot'), { target: { value: 'D:\\UPS' } });
    fireEvent.change(screen.getByTestId('field-dataRoot'), { target: { value: 'D:\\Media' } });
    fireEvent.change(screen.getByTestId('field-timeZone'), { target: { value: 'Europe/Paris' } });
    fireEvent.click(screen.getByTestId('wizard-next'));
    await waitFor(() =>
      expect(saves(api).at(-1)).toMatchObject({
        step: 'services',
        draft: { installRoot: 'D:\\UPS', dataRoot: 'D:\\Media', timeZone: 'Europe/Paris' },
      }),
    );
  });

  it('shows the drive check for the folder being typed: space vs estimate, filesystem, hardlinks with the fix', async () => {
    const check = {
      path: 'E:/Media',
      exists: false,
      checkedFolder: 'E:/',
      freeBytes: 3 * 1024 ** 3,
      neededBytes: 13 * 1024 ** 3,
      fits: false,
      filesystem: 'exFAT',
      hardlinks: {
        ok: false,
        detail: 'Tested in E:/: the filesystem refused a hardlink (EPERM).',
        fix: 'Use an NTFS-formatted drive.',
      },
      warnings: ['exFAT cannot hold hardlinks.'],
      engine: 'Docker on 192.168.1.20 (TLS)',
    };
    const api = fakeApi({
      progress: { version: 1, step: 'location', completed: ['welcome', 'checks'], draft: { installRoot: 'E:\\Stack' } },
      extra: { 'stack.location.check': () => check },
    });
    app(api);
    expect(await screen.findByTestId('location-check-idle')).toBeTruthy();
    fireEvent.change(screen.getByTestId('field-dataRoot'), { target: { value: 'relative' } });
    fireEvent.change(screen.getByTestId('field-dataRoot'), { target: { value: 'E:\\Media' } });
    const space = await screen.findByTestId('location-space');
    expect(space.getAttribute('data-fits')).toBe('false');
    expect(space.textContent).toBe('3.0 GB free, about 13.0 GB needed for images and app data (media not counted)');
    expect(screen.getByTestId('location-filesystem').textContent).toBe('exFAT');
    // The step names the engine whose host was checked.
    expect(screen.getByTestId('location-engine').textContent).toBe('Docker on 192.168.1.20 (TLS)');
    expect(screen.getByTestId('location-hardlinks').getAttribute('data-ok')).toBe('false');
    expect(screen.getByTestId('location-hardlink-fix').textContent).toContain(
      'How to fix: Use an NTFS-formatted drive.',
    );
    expect(screen.getByTestId('location-folder').textContent).toContain('does not exist yet');
    expect(screen.getAllByTestId('location-warning').map((e) => e.textContent)).toEqual([
      'exFAT cannot hold hardlinks.',
    ]);
    // Only the settled, valid path is checked (never "relative"), with the install folder beside it.
    expect(api.inputs('stack.location.check')).toEqual([{ dataRoot: 'E:\\Media', installRoot: 'E:\\Stack' }]);
  });

  it('sends VPN credentials to the vault only, never into the saved progress', async () => {
    const api = fakeApi({
      progress: {
        version: 1,
        step: 'vpn',
        completed: ['welcome', 'checks', 'location', 'services'],
        draft: { installRoot: 'D:\\UPS', dataRoot: 'D:\\Media', timeZone: 'UTC' },
      },
    });
    app(api);
    expect((await screen.findByTestId('nord-hint')).textContent).toMatch(
      /service credentials .* not the e-mail and password/,
    );
    // NordVPN offers the access token first; this user signs in with service credentials instead.
    fireEvent.click(screen.getByRole('radio', { name: 'Service user name and password' }));
    fireEvent.change(screen.getByTestId('field-openvpnUser'), { target: { value: 'me@example.com' } });
    fireEvent.change(screen.getByTestId('field-openvpnPassword'), { target: { value: 'Sup3r-Secret' } });
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(await screen.findByText(/^This looks like your Nord Account e-mail/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/vpn\.\w+: /);
    fireEvent.change(screen.getByTestId('field-openvpnUser'), { target: { value: 'qwErTy12345' } });
    fireEvent.click(screen.getByTestId('wizard-next'));
    await waitFor(() => expect(saves(api).at(-1)?.step).toBe('plex'));
    expect(api.inputs('secrets.set')).toEqual([
      { name: 'vpn.openvpn.user', value: 'qwErTy12345' },
      { name: 'vpn.openvpn.password', value: 'Sup3r-Secret' },
    ]);
    const persisted = JSON.stringify(saves(api));
    expect(persisted).not.toContain('Sup3r-Secret');
    expect(persisted).not.toContain('qwErTy12345');
    expect(JSON.stringify(useWizardStore.getState())).not.toContain('Sup3r-Secret');
  });

  it(
    'review shows secrets only as stored in the credential manager; a failed install shows cause + fix and Retry works',
    { timeout: 30_000 },
    async () => {
      const draft = {
        installRoot: 'D:\\UPS',
        dataRoot: 'D:\\Media',
        timeZone: 'UTC',
        services: { qbittorrent: true, nzbget: false, tdarr: false, proxy: { enabled: false } },
        vpn: { provider: 'nordvpn' as const, type: 'openvpn' as const, serverCountries: [] },
      };
      let attempts = 0;
      const api = fakeApi({
        progress: {
          version: 1,
          step: 'review',
          completed: ['welcome', 'checks', 'location', 'services', 'vpn', 'plex'],
          draft,
        },
        extra: {
          'stack.install': () =>
            attempts++ === 0
              ? failWith({
                  code: 'INTERNAL',
                  message: 'port 8080 is already taken',
                  fix: 'Free port 8080, then Retry.',
                })
              : installed,
        },
      });
      app(api);
      expect(await screen.findByText('D:\\UPS\\compose.yaml')).toBeTruthy();
      // Images only under Technical details; the main view names the apps (issue 20).
      expect(screen.getByTestId('review-apps').textContent).toContain('VPN');
      expect(screen.getByTestId('review-apps').textContent).not.toMatch(/gluetun/);
      expect(screen.getByText(/vpn: qmcgaw\/gluetun:v3\.41\.1/).closest('[data-technical-details]')).toBeTruthy();
      expect((await screen.findByTestId('core-check')).textContent).toMatch(/ready to install/);
      // The candidate config says lanAccess: false when the user never answered (docs/decisions.md D17).
      expect(api.inputs('stack.config.validate')[0]).toEqual({ config: { ...draft, lanAccess: false } });
      const secretsTable = screen.getByRole('table', { name: 'Secrets' });
      expect(secretsTable.textContent).toContain('VPN service user name (OpenVPN)stored in Windows Credential Manager');
      expect(secretsTable.textContent).not.toContain('Plex token');
      fireEvent.click(screen.getByTestId('wizard-next'));
      const failure = await screen.findByTestId('install-error');
      expect(failure.textContent).toMatch(/port 8080 is already taken.*How to fix: Free port 8080, then Retry\./);
      expect(api.inputs('stack.install')[0]).toEqual({
        config: { ...draft, lanAccess: false },
        start: true,
        operationId: expect.stringMatching(/^install-[0-9a-f]{16}$/),
      });
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
      await screen.findByText('All set');
      // Each attempt follows its own progress: Retry sent a fresh operation id.
      const ids = api.inputs('stack.install').map((i) => i.operationId);
      expect(ids).toHaveLength(2);
      expect(ids[1]).not.toBe(ids[0]);
      expect(screen.getByRole('link', { name: 'http://localhost:32400/web' })).toBeTruthy();
      expect(saves(api).at(-1)?.step).toBe('done');
    },
  );

  it('the install shows the progress of its own operation only, not another one running at the same time', async () => {
    const draft = {
      installRoot: 'D:\\UPS',
      dataRoot: 'D:\\Media',
      timeZone: 'UTC',
      services: { qbittorrent: true, nzbget: false, tdarr: false, proxy: { enabled: false } },
      vpn: { provider: 'nordvpn' as const, type: 'openvpn' as const, serverCountries: [] },
    };
    const api = fakeApi({
      progress: {
        version: 1,
        step: 'install',
        completed: ['welcome', 'checks', 'location', 'services', 'vpn', 'plex', 'review'],
        draft,
      },
    });
    let finish: (v: CallOutput<'stack.install'>) => void = () => undefined;
    api.answer({ 'stack.install': () => new Promise((resolve) => (finish = resolve)) });
    // Resumed on review (an install is never resumed mid-way); Install starts it.
    app(api);
    fireEvent.click(await screen.findByTestId('wizard-next'));
    await waitFor(() => expect(api.count('stack.install')).toBe(1));
    const mine = api.inputs('stack.install')[0]!.operationId!;
    act(() => {
      api.emit({
        type: 'progress',
        progress: { operationId: 'update-someone-else', step: 'update', current: 1, total: 3, message: 'pulling' },
      });
      api.emit({
        type: 'progress',
        progress: { operationId: mine, step: 'up', current: 2, total: 8, message: '2 of 8 started' },
      });
    });
    // Its "up" makes "Start the apps" the current step; the other operation's step would have shown as "connect".
    await waitFor(() => expect(screen.getByTestId('install-step-start').getAttribute('data-state')).toBe('active'));
    expect(screen.getByTestId('install-step-connect').getAttribute('data-state')).toBe('pending');
    act(() => finish(installed));
    await screen.findByText('All set');
  });
});
