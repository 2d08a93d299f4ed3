// @vitest-environment jsdom
// Every fix action the core can produce (walked from the contract's registry) renders as a button in an error, and
// pressing it does the right thing through the typed fake: the right channel with the right input, or the dialog or
// view that finishes it. Every error code renders with its default action's button, or with none when it has none.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultActionFor,
  defaultPorts,
  errorCodes,
  FixActionSchema,
  fixActionIds,
  fixActionRegistry,
  withDefaultAction,
  type CallInput,
  type Channel,
  type FixActionId,
} from '../../core/contract';
import { CredentialsDialog } from '../dashboard/CredentialsDialog';
import { MigrateDialog } from '../dashboard/MigrateDialog';
import { SettingsDialog } from '../dashboard/SettingsDialog';
import { useDialogStore } from '../stores/dialog-store';
import { shellTransitions, useShellStore } from '../stores/shell-store';
import { failWith, fakeUps, type FakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { CheckRow } from './CheckRow';
import { ErrorBar } from './ErrorBar';
import { FixDialogs } from './FixDialogs';

const exampleOf = (id: FixActionId) =>
  FixActionSchema.parse({ action: id, input: fixActionRegistry[id].example, label: fixActionRegistry[id].label });

const lifecycle = (verb: 'up' | 'restart') => (i: { services: string[]; operationId?: string }) => ({
  verb,
  services: i.services,
  operationId: i.operationId ?? 'op',
});
const migrateStatus = {
  phase: 'paused' as const,
  plan: null,
  progress: null,
  recopied: [],
  lastError: null,
  canDeleteSource: false,
  sourceDeleted: false,
};

function api(): FakeUps {
  return fakeUps({
    'wiring.apply': (i) => ({ operationId: i.operationId ?? 'op', steps: [], ok: true }),
    'stack.up': lifecycle('up'),
    'stack.restart': lifecycle('restart'),
    'migrate.start': () => migrateStatus,
    'migrate.resume': () => migrateStatus,
    'migrate.finish': () => migrateStatus,
    'migrate.status': () => migrateStatus,
    'state.setAside': (i) => ({ file: i.file, movedTo: 'D:\\UPS\\state\\vpn-watch.json.corrupt-2026' }),
    'install.restorePrevious': () => ({ restored: '2026-01-02T00-00-00-000Z', keptAs: '2026-01-03T00-00-00-000Z' }),
    'host.dockerDesktop.start': () => ({
      exe: 'C:\\Program Files\\Docker\\Docker\\Docker Desktop.exe',
      engine: 'running',
      waitedMs: 30_000,
    }),
    'host.dockerDesktop.autoStart': () => ({ file: 'settings-store.json', key: 'AutoStart', backup: null }),
    'host.wsl.memory': (i) => ({
      file: '.wslconfig',
      line: `memory=${i.memoryGb}GB`,
      previous: null,
      backup: null,
      shutdownNeeded: true,
    }),
    'host.wsl.shutdown': () => ({ stopped: true }),
    'stack.settings.update': () => ({
      settings: {
        installRoot: 'D:\\UPS',
        timeZone: 'UTC',
        ports: { ...defaultPorts, radarr: 7879 },
        lanAccess: false,
        enabledPorts: [],
      },
      written: ['compose.yaml'],
      backup: null,
      applied: true,
    }),
    'stack.settings.get': () => ({
      installRoot: 'D:\\UPS',
      timeZone: 'UTC',
      ports: defaultPorts,
      lanAccess: false,
      enabledPorts: ['nzbget', 'radarr'],
    }),
    'app.startAtLogin.get': () => ({ enabled: false }),
    'app.update.status': () => ({ kind: 'idle' }),
    'secrets.status': () => ({
      backend: 'Windows Credential Manager',
      entries: [{ name: 'qbittorrent.password', label: 'qBittorrent password', envVar: 'X', set: true }],
    }),
    'env.check': () => ({
      checkedAt: 'now',
      overall: 'ok',
      checks: [{ id: 'docker.engine', title: 'Docker engine reachable', state: 'ok', detail: 'Docker 27', fixes: [] }],
      docker: { reachable: true, endpoint: 'x' },
      compose: { available: true },
      vault: { usable: true, backend: 'x' },
    }),
  });
}

/** The screen as the app has it: the error, and every dialog a fix can open (dashboard's and the app's own). */
function renderError(ups: FakeUps, id: FixActionId) {
  return renderWithUps(
    ups,
    <>
      <ErrorBar title="Something failed" error={{ code: 'INTERNAL', message: 'It broke.', action: exampleOf(id) }} />
      <CredentialsDialog />
      <MigrateDialog />
      <SettingsDialog />
      <FixDialogs />
    </>,
  );
}

const called = async <C extends Channel>(ups: FakeUps, channel: C, input: Partial<CallInput<C>>) => {
  await waitFor(() => expect(ups.count(channel)).toBe(1));
  expect(ups.inputs(channel)[0]).toMatchObject(input);
  expect((await screen.findByTestId('fix-outcome')).textContent).toBe('Done.');
};
const dialog = async (title: string) => screen.findByRole('dialog', { name: title });

/** What pressing each action's button must do; keyed by id, so a new action fails to compile until it is proved here. */
const proves: Record<FixActionId, (ups: FakeUps) => Promise<void>> = {
  'wiring.apply': (ups) => called(ups, 'wiring.apply', {}),
  'plex.signin': async () => {
    const d = await dialog('Sign in to Plex');
    expect(within(d).getByTestId('plex-signin')).toBeTruthy();
  },
  'secrets.set': async () => {
    const d = await dialog('Credentials');
    // The form for exactly that secret is open: the user types the value there, it never travels in the action.
    expect(await within(d).findByTestId('secret-input-qbittorrent.password')).toBeTruthy();
    expect(useShellStore.getState().state).toMatchObject({ view: 'dashboard' });
  },
  'stack.up': (ups) => called(ups, 'stack.up', { services: ['plex'] }),
  'stack.restart': (ups) => called(ups, 'stack.restart', { services: ['radarr', 'sonarr'] }),
  'setup.start': async () => {
    await waitFor(() => expect(useShellStore.getState().state).toMatchObject({ view: 'wizard' }));
  },
  'checks.run': async (ups) => {
    const d = await dialog('Environment checks');
    expect(await within(d).findByTestId('check-docker.engine')).toBeTruthy();
    expect(ups.inputs('env.check')).toEqual([{ stack: true }]);
  },
  'migrate.plan': async () => {
    const d = await dialog('Migrate to NAS');
    expect(within(d).getByTestId('migrate-target')).toBeTruthy();
  },
  'migrate.start': (ups) => called(ups, 'migrate.start', {}),
  'migrate.resume': (ups) => called(ups, 'migrate.resume', {}),
  'migrate.finish': (ups) => called(ups, 'migrate.finish', {}),
  'file.setAside': (ups) => called(ups, 'state.setAside', { file: 'vpnWatch' }),
  'install.restorePrevious': async (ups) => {
    // Nothing is overwritten until the user confirms in the dialog that says what restoring does.
    const d = await dialog('Restore the previous version');
    expect(ups.count('install.restorePrevious')).toBe(0);
    fireEvent.click(within(d).getByTestId('restore-previous-confirm'));
    await waitFor(() => expect(ups.count('install.restorePrevious')).toBe(1));
    expect((await within(d).findByTestId('restore-previous-done')).textContent).toMatch(
      /back to their previous version/,
    );
    // Restore is the dialog's one primary action, gone once done; Close is then the way out.
    expect(within(d).queryByTestId('restore-previous-confirm')).toBeNull();
    // Closed and opened again (by the same fix), it asks again rather than showing the last outcome.
    act(() => useDialogStore.getState().close());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    act(() => useDialogStore.getState().show({ name: 'restore-previous' }));
    const again = await dialog('Restore the previous version');
    expect(within(again).getByTestId('restore-previous-confirm')).toBeTruthy();
    expect(within(again).queryByTestId('restore-previous-done')).toBeNull();
  },
  'docker.desktop.start': (ups) => called(ups, 'host.dockerDesktop.start', { operationId: expect.any(String) }),
  'docker.desktop.autostart': (ups) => called(ups, 'host.dockerDesktop.autoStart', {}),
  'wsl.memory.set': (ups) => called(ups, 'host.wsl.memory', { memoryGb: 8 }),
  'wsl.shutdown': (ups) => called(ups, 'host.wsl.shutdown', {}),
  'stack.port.move': (ups) => called(ups, 'stack.settings.update', { ports: { radarr: 7879 } }),
  'settings.usenet': async (ups) => {
    // Settings opens on the dashboard with the news server's first box focused; nothing is saved until the user does.
    const d = await dialog('Settings');
    const host = await within(d).findByTestId('usenet-host');
    await waitFor(() => expect(document.activeElement).toBe(host));
    expect(useShellStore.getState().state).toMatchObject({ view: 'dashboard' });
    expect(ups.inputs('app.startAtLogin.get')).toHaveLength(1);
    expect(ups.count('stack.settings.update')).toBe(0);
  },
};

beforeEach(() => {
  useDialogStore.setState({ open: null });
  // A ready app on the dashboard, so views the actions switch to are visible in the shell store.
  useShellStore.setState({
    state: shellTransitions.loaded(
      { phase: 'loading' },
      { version: 't', platform: 'win32', arch: 'x64', door: 'browser', installRoot: 'D:\\UPS' },
    ),
  });
});
afterEach(cleanup);

describe('fix actions in the app', () => {
  it.each(fixActionIds)('%s renders as a button that performs it', async (id) => {
    const ups = api();
    renderError(ups, id);
    const button = screen.getByTestId('fix-action');
    expect(button.textContent).toBe(fixActionRegistry[id].label);
    expect(button.getAttribute('data-action')).toBe(id);
    expect(ups.log).toEqual([]);
    await act(async () => fireEvent.click(button));
    await proves[id](ups);
  });

  it('a call that fails says so next to the button, with the cause', async () => {
    const ups = api();
    ups.answer({
      'stack.up': () =>
        failWith({ code: 'ENGINE_UNREACHABLE', message: 'Docker is not running.', fix: 'Start Docker Desktop.' }),
    });
    renderError(ups, 'stack.up');
    await act(async () => fireEvent.click(screen.getByTestId('fix-action')));
    expect((await screen.findByTestId('fix-outcome')).textContent).toBe(
      'It did not work: Docker is not running. Start Docker Desktop.',
    );
  });

  it.each(errorCodes)('an error of code %s shows its default action, or a fallback fix', (code) => {
    const ups = api();
    renderWithUps(ups, <ErrorBar title="x" error={withDefaultAction({ code, message: 'm', fix: 'f' })} />);
    const id = defaultActionFor[code];
    const buttons = screen.queryAllByTestId('fix-action');
    // Without a default action the bar still offers one fix (issue 20: every error has a button that starts a fix).
    const fallback = code === 'NOT_FOUND' ? 'setup.start' : 'checks.run';
    expect(buttons.map((b) => b.getAttribute('data-action'))).toEqual([id ?? fallback]);
    expect(screen.getByRole('alert').textContent).toContain('How to fix: f');
  });

  it('a check result with an action fix shows its text and the button', async () => {
    const ups = api();
    renderWithUps(
      ups,
      <CheckRow
        check={{
          id: 'stack',
          title: 'Stack running',
          state: 'warn',
          detail: 'The stack is stopped.',
          fixes: [{ kind: 'action', text: 'Start the stack.', action: exampleOf('stack.up') }],
        }}
      />,
    );
    expect(screen.getByTestId('check-stack').textContent).toContain('How to fix: Start the stack.');
    await act(async () => fireEvent.click(screen.getByTestId('fix-action')));
    await called(ups, 'stack.up', { services: ['plex'] });
  });
});
