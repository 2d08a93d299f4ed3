// @vitest-environment jsdom
// The dashboard in jsdom: the honest first line, the VPN card, cards in order with sign-in, next steps, plain links,
// the neutral page before install, pushes alone changing a card, restart with its error shown.
import { act, cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceStatus, StackStatus } from '../../core/contract';
import { useServiceActionsStore } from '../stores/service-actions-store';
import { useShellStore } from '../stores/shell-store';
import { useStatusStore } from '../stores/status-store';
import { failWith, fakeUps, type FakeAnswers, type FakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { DashboardScreen } from './DashboardScreen';

const svc = (service: string, over: Partial<ServiceStatus> = {}): ServiceStatus => ({
  service,
  containerId: `id-${service}`,
  containerName: `ups-${service}-1`,
  state: 'running',
  health: 'healthy',
  image: `img/${service}:1`,
  statusText: 'Up 5 minutes (healthy)',
  createdAt: 'x',
  ...over,
});
const status = (services: ServiceStatus[], overall: StackStatus['overall']): StackStatus => ({
  project: 'ups',
  overall,
  services,
  observedAt: 'now',
});

function fakeApi(restart: FakeAnswers['stack.restart'], more: FakeAnswers = {}) {
  return fakeUps({
    'stack.status': () => status([svc('radarr'), svc('vpn'), svc('plex'), svc('seerr')], 'running'),
    'stack.restart': restart,
    'vpn.check': () => ({
      verdict: 'safe',
      reason: 'the tunnel is up',
      vpnPublicIp: '203.0.113.9',
      stopped: [],
      checkedAt: new Date().toISOString(),
    }),
    'links.test': () => ({
      links: [
        {
          id: 'radarr-qbittorrent',
          from: 'radarr',
          to: 'qbittorrent',
          ok: false,
          detail: 'qBittorrent refused the login (HTTP 403): <html><body>Forbidden</body></html>',
          fix: 'Repair the links.',
        },
      ],
      ok: false,
    }),
    'logins.list': () => ({
      logins: [
        {
          secret: 'arr.ui_password',
          apps: 'Radarr, Sonarr, Prowlarr',
          username: 'ups-admin',
          urls: ['http://localhost:7878'],
          stored: true,
        },
      ],
    }),
    'logins.reveal': ({ name }) => ({ name, password: 'generated-pass' }),
    'stack.webPorts': () => ({
      ports: [
        { name: 'plex', port: 32400 },
        { name: 'radarr', port: 7878 },
        { name: 'prowlarr', port: 9696 },
        { name: 'seerr', port: 5055 },
      ],
    }),
    'ui.nextSteps.get': () => ({ done: [] }),
    'ui.nextSteps.set': (steps) => steps,
    'update.check': () => ({ services: [], checkedAt: 'now' }),
    'wiring.plan': () => ({ steps: [], pending: 0, failed: 0 }),
    ...more,
  });
}

afterEach(() => {
  cleanup();
  useStatusStore.setState({ state: { phase: 'loading' } });
  useShellStore.setState({ state: { phase: 'loading' } });
  useServiceActionsStore.setState({ state: {} });
});

function mount(api: FakeUps) {
  void useStatusStore.getState().load(api);
  api.subscribe(useStatusStore.getState().push);
  renderWithUps(api, <DashboardScreen />);
}

// A busy machine renders slowly: wait longer for the screen (no timing is asserted).
configure({ asyncUtilTimeout: 10_000 });

const headline = () => screen.getByTestId('stack-overall');

// The whole dashboard renders in each test (Fluent is heavy in jsdom): a generous ceiling for a busy machine.
describe('dashboard', { timeout: 30_000 }, () => {
  it('shows a card per service, Plex and Seerr first, and changes one on a push without asking again', async () => {
    const api = fakeApi(() => ({ verb: 'restart', services: ['radarr'], operationId: 'o' }));
    mount(api);
    await screen.findByTestId('service-radarr');
    const order = within(screen.getByRole('list', { name: 'Apps' }))
      .getAllByRole('listitem')
      .map((li) => li.firstElementChild?.getAttribute('data-testid'));
    expect(order).toEqual(['service-plex', 'service-seerr', 'service-radarr', 'service-vpn']);
    const before = api.count('stack.status');
    act(() =>
      api.emit({
        type: 'stack.status',
        status: status(
          [svc('plex'), svc('radarr', { state: 'exited', health: 'none', statusText: 'Exited (0)' }), svc('vpn')],
          'degraded',
        ),
      }),
    );
    expect(screen.getByTestId('service-radarr').getAttribute('data-state')).toBe('exited');
    expect(screen.getByTestId('service-badge-radarr').textContent).toBe('✕Stopped');
    expect(headline().getAttribute('data-headline')).toBe('services-down');
    expect(headline().textContent).toContain('Radarr is stopped.');
    expect(api.count('stack.status')).toBe(before);
  });

  it('is green only when apps, VPN and connections are all fine, and announces its first line', async () => {
    const api = fakeApi(() => ({ verb: 'restart', services: [], operationId: 'o' }));
    mount(api);
    await waitFor(() => expect(headline().getAttribute('data-headline')).toBe('links-broken'));
    expect(headline().textContent).toContain('1 app connection is broken.');
    // The first line sits in a live region: screen readers announce it when it changes.
    const live = headline().closest('[aria-live]');
    expect(live?.getAttribute('aria-live')).toBe('polite');
    expect(live?.getAttribute('role')).toBe('status');
    // One action: Repair.
    const buttons = [...headline().querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Repair']);
    api.answer({ 'links.test': () => ({ links: [], ok: true }) });
    fireEvent.click(screen.getByTestId('vpn-recheck'));
    fireEvent.click(within(screen.getByTestId('links-panel')).getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(headline().getAttribute('data-tone')).toBe('success'));
    expect(headline().textContent).toContain('Everything is working.');
  });

  it('says downloads are paused when the VPN watch reports the tunnel down, with Reconnect', async () => {
    const api = fakeApi(() => ({ verb: 'restart', services: ['vpn', 'qbittorrent'], operationId: 'o' }), {
      'links.test': () => ({ links: [], ok: true }),
    });
    mount(api);
    await waitFor(() => expect(headline().getAttribute('data-tone')).toBe('success'));
    act(() =>
      api.emit({
        type: 'stack.status',
        status: {
          ...status([svc('plex'), svc('vpn'), svc('qbittorrent', { state: 'exited' })], 'degraded'),
          vpn: { verdict: 'tunnel-down', reason: 'no tunnel', stopped: ['qbittorrent'], at: new Date().toISOString() },
        },
      }),
    );
    expect(headline().textContent).toContain('Downloads paused: your VPN is disconnected.');
    expect(screen.getByTestId('vpn-card').getAttribute('data-verdict')).toBe('tunnel-down');
    expect(screen.getByTestId('vpn-card').textContent).toContain('Disconnected');
    fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    await waitFor(() => expect(api.inputs('stack.restart')).toHaveLength(1));
    expect(api.inputs('stack.restart')[0]).toMatchObject({ services: ['vpn', 'qbittorrent'] });
  });

  it('a VPN check that cannot run is "not checked", never green', async () => {
    mount(
      fakeApi(() => ({ verb: 'restart', services: [], operationId: 'o' }), {
        'links.test': () => ({ links: [], ok: true }),
        'vpn.check': () => failWith({ code: 'ENGINE_UNREACHABLE', message: 'no engine' }),
      }),
    );
    await waitFor(() => expect(headline().getAttribute('data-headline')).toBe('vpn-unknown'));
    expect(screen.getByTestId('vpn-card').textContent).toContain('Not checked');
  });

  it("a check stopped by a damaged file offers that file's fix in the first line and on the card", async () => {
    const setAside = { action: 'file.setAside', input: { file: 'vpnWatch' }, label: 'Set the damaged file aside' };
    const restore = { action: 'install.restorePrevious', input: {}, label: 'Restore the previous version' };
    mount(
      fakeApi(() => ({ verb: 'restart', services: [], operationId: 'o' }), {
        'links.test': () => ({ links: [], ok: true }),
        'vpn.check': () =>
          failWith({
            code: 'INTERNAL',
            message: 'The VPN watch record is damaged.',
            fix: 'Set it aside; a new one starts.',
            action: setAside as never,
          }),
      }),
    );
    await waitFor(() => expect(headline().getAttribute('data-headline')).toBe('vpn-unknown'));
    expect(within(headline()).getByTestId('fix-action').getAttribute('data-action')).toBe('file.setAside');
    expect(within(headline()).queryByTestId('headline-recheck')).toBeNull();
    const problem = within(screen.getByTestId('vpn-card')).getByTestId('vpn-problem');
    expect(problem.textContent).toContain('The VPN could not be checked.');
    expect(within(problem).getByTestId('fix-action').getAttribute('data-action')).toBe('file.setAside');
    cleanup();
    // The same for the links: a damaged stack file offers the previous version, not "Check again".
    mount(
      fakeApi(() => ({ verb: 'restart', services: [], operationId: 'o' }), {
        'links.test': () =>
          failWith({ code: 'INTERNAL', message: 'The stack file is damaged.', action: restore as never }),
      }),
    );
    await waitFor(() => expect(headline().getAttribute('data-headline')).toBe('links-unknown'));
    expect(within(headline()).getByTestId('fix-action').getAttribute('data-action')).toBe('install.restorePrevious');
  });

  it('a verdict the watch could not save says so on the VPN card with its fix; the first line stays honest', async () => {
    mount(
      fakeApi(() => ({ verb: 'restart', services: [], operationId: 'o' }), {
        'links.test': () => ({ links: [], ok: true }),
        'vpn.check': () => ({
          verdict: 'safe',
          reason: 'the tunnel is up',
          stopped: [],
          checkedAt: new Date().toISOString(),
          recordError: {
            code: 'INTERNAL',
            message: 'The VPN watch record is damaged.',
            action: { action: 'file.setAside', input: { file: 'vpnWatch' }, label: 'Set the damaged file aside' },
          },
        }),
      }),
    );
    const problem = await screen.findByTestId('vpn-problem');
    expect(problem.textContent).toContain('The VPN check could not be saved.');
    expect(within(problem).getByTestId('fix-action').getAttribute('data-action')).toBe('file.setAside');
    await waitFor(() => expect(headline().getAttribute('data-headline')).toBe('all-fine'));
  });

  it('shows each link in plain words with its Repair button; the raw answer only under Technical details', async () => {
    mount(fakeApi(() => ({ verb: 'restart', services: [], operationId: 'o' })));
    const row = await screen.findByTestId('link-radarr-qbittorrent');
    const details = row.querySelector('[data-technical-details]')!;
    expect(details.textContent).toContain('HTTP 403');
    const main = row.textContent!.replace(details.textContent!, '');
    expect(main).not.toMatch(/HTTP|<html|403/);
    expect(main).toContain('This connection does not work.');
    expect(row.querySelector('[data-testid="fix-action"]')?.textContent).toBe('Repair');
  });

  it('each app says how to sign in and opens on its page; no image, container id or "State:" in view', async () => {
    const api = fakeApi(() => ({ verb: 'restart', services: [], operationId: 'o' }));
    mount(api);
    const radarr = await screen.findByTestId('signin-radarr');
    expect(radarr.textContent).toContain('User name: ups-admin');
    expect(screen.getByTestId('service-plex').textContent).toContain('Sign in with your Plex account.');
    expect(screen.getByTestId('open-plex').getAttribute('href')).toBe('http://localhost:32400/web');
    expect(screen.getByTestId('open-radarr').textContent).toBe('Open Radarr');
    const card = screen.getByTestId('service-radarr');
    const details = card.querySelector('[data-technical-details]')!;
    const main = card.textContent!.replace(details.textContent!, '');
    expect(main).not.toMatch(/img\/radarr|id-radarr|State:|ups-radarr-1/);
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (t: string) => void writes.push(t) },
      configurable: true,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Copy password (Radarr)' }));
    await waitFor(() => expect(writes).toEqual(['generated-pass']));
    expect(api.inputs('logins.reveal')).toEqual([{ name: 'arr.ui_password' }]);
    expect(screen.getByTestId('service-radarr').textContent).not.toContain('generated-pass');
  });

  it('keeps the next steps until all are ticked, saving each tick', async () => {
    let saved: string[] = ['plex'];
    const api = fakeApi(() => ({ verb: 'restart', services: [], operationId: 'o' }), {
      'ui.nextSteps.get': () => ({ done: saved as never }),
      'ui.nextSteps.set': (steps) => ((saved = steps.done), steps),
    });
    mount(api);
    const list = await screen.findByTestId('next-steps', {}, { timeout: 5000 });
    expect(screen.getByTestId('next-step-plex').getAttribute('data-done')).toBe('true');
    expect(list.textContent).toContain('Add an indexer in Prowlarr');
    expect(list.querySelector('a[href="http://localhost:9696"]')?.textContent).toBe('Open Prowlarr');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Add an indexer in Prowlarr' }));
    await waitFor(() => expect(saved).toEqual(['plex', 'indexer']));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Request a film in Seerr' }));
    await waitFor(() => expect(screen.queryByTestId('next-steps')).toBeNull());
    expect(api.inputs('ui.nextSteps.set').at(-1)).toEqual({ done: ['plex', 'indexer', 'request'] });
  });

  it('before install: a neutral page with Start setup, no red error even when the engine is unreachable', async () => {
    useShellStore.setState({
      state: {
        phase: 'ready',
        view: 'dashboard',
        installed: false,
        info: { version: 't', platform: 'win32', arch: 'x64', door: 'browser', installRoot: null },
      },
    });
    const api = fakeUps({
      'stack.status': () => failWith({ code: 'ENGINE_UNREACHABLE', message: 'Docker is not running.' }),
    });
    mount(api);
    await screen.findByTestId('dashboard-empty');
    await waitFor(() => expect(useStatusStore.getState().state.phase).toBe('error'));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByTestId('start-setup'));
    expect(useShellStore.getState().state).toMatchObject({ view: 'wizard' });
  });

  it('restarts one service and shows a failure in plain words with its fix', async () => {
    const api = fakeApi(() =>
      failWith({ code: 'ENGINE_UNREACHABLE', message: 'Docker engine did not answer.', fix: 'Start Docker Desktop.' }),
    );
    mount(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Restart Radarr' }));
    // A restart interrupts the app: the user is asked first, and nothing runs until they say yes.
    expect((await screen.findByTestId('confirm-dialog')).textContent).toContain(
      'Radarr is unreachable for a moment while it restarts.',
    );
    expect(api.inputs('stack.restart')).toEqual([]);
    fireEvent.click(screen.getByTestId('confirm-yes'));
    await waitFor(() =>
      expect(screen.getByTestId('service-radarr').textContent).toMatch(
        /Radarr could not be restarted\.Docker engine did not answer\.How to fix: Start Docker Desktop\./,
      ),
    );
    expect(api.inputs('stack.restart')).toEqual([{ services: ['radarr'] }]);
  });

  it('links each running service to its published host port', async () => {
    const { hostPorts } = await import('./ServiceCard');
    expect(
      hostPorts([
        '127.0.0.1:8080->8080/tcp',
        '0.0.0.0:8000->8000/tcp',
        '0.0.0.0:8080->8080/tcp',
        '0.0.0.0:1900->1900/udp',
      ]),
    ).toEqual([8080, 8000]);
    expect(hostPorts(undefined)).toEqual([]);
  });
});
