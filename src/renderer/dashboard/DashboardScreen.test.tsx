// @vitest-environment jsdom
// The dashboard in jsdom: cards from stack.status, changed by a push alone, restart through stack.restart with its error shown.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceStatus, StackStatus } from '../../core/contract';
import { useServiceActionsStore } from '../stores/service-actions-store';
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

function fakeApi(restart: FakeAnswers['stack.restart']) {
  return fakeUps({
    'stack.status': () => status([svc('plex'), svc('radarr')], 'running'),
    'stack.restart': restart,
    'vpn.check': () => ({
      verdict: 'safe',
      reason: 'the tunnel is up',
      vpnPublicIp: '203.0.113.9',
      stopped: [],
      checkedAt: 'now',
    }),
    'links.test': () => ({
      links: [
        {
          id: 'radarr-qbittorrent',
          from: 'radarr',
          to: 'qbittorrent',
          ok: false,
          detail: 'qBittorrent refused the login (403).',
          fix: 'Repair the links.',
        },
      ],
      ok: false,
    }),
    'update.check': () => ({ services: [], checkedAt: 'now' }),
    'wiring.plan': () => ({ steps: [], pending: 0, failed: 0 }),
  });
}

afterEach(() => {
  cleanup();
  useStatusStore.setState({ state: { phase: 'loading' } });
  useServiceActionsStore.setState({ state: {} });
});

function mount(api: FakeUps) {
  void useStatusStore.getState().load(api);
  api.subscribe(useStatusStore.getState().push);
  renderWithUps(api, <DashboardScreen />);
}

describe('dashboard', () => {
  it('shows a card per service and changes one on a push, without asking again', async () => {
    const api = fakeApi(() => ({ verb: 'restart', services: ['radarr'], operationId: 'o' }));
    mount(api);
    await screen.findByTestId('service-radarr');
    expect(screen.getByTestId('stack-overall').getAttribute('data-overall')).toBe('running');
    const before = api.count('stack.status');
    act(() =>
      api.emit({
        type: 'stack.status',
        status: status(
          [svc('plex'), svc('radarr', { state: 'exited', health: 'none', statusText: 'Exited (0)' })],
          'degraded',
        ),
      }),
    );
    expect(screen.getByTestId('service-radarr').getAttribute('data-state')).toBe('exited');
    expect(screen.getByTestId('stack-overall').getAttribute('data-overall')).toBe('degraded');
    expect(api.count('stack.status')).toBe(before);
  });

  it('shows the VPN check and each link with its fix', async () => {
    mount(fakeApi(() => ({ verb: 'restart', services: [], operationId: 'o' })));
    expect((await screen.findByText(/^safe: the tunnel is up/)).textContent).toBe(
      'safe: the tunnel is up (VPN address 203.0.113.9)',
    );
    expect((await screen.findByRole('table', { name: 'Links' })).textContent).toContain(
      'qBittorrent refused the login (403). How to fix: Repair the links.',
    );
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

  it('restarts one service and shows a failure with its fix', async () => {
    const api = fakeApi(() =>
      failWith({ code: 'ENGINE_UNREACHABLE', message: 'Docker engine did not answer.', fix: 'Start Docker Desktop.' }),
    );
    mount(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Restart radarr' }));
    await waitFor(() =>
      expect(screen.getByTestId('service-radarr').textContent).toMatch(
        /Docker engine did not answer\.How to fix: Start Docker Desktop\./,
      ),
    );
    expect(api.inputs('stack.restart')).toEqual([{ services: ['radarr'] }]);
  });
});
