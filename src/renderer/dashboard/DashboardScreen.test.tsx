// @vitest-environment jsdom
// The dashboard in jsdom: cards from stack.status, changed by a push alone, restart through stack.restart with its error shown.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PushListener, ServiceStatus, StackStatus, UpsApi } from '../../core/contract';
import { useServiceActionsStore } from '../stores/service-actions-store';
import { useStatusStore } from '../stores/status-store';
import { DashboardScreen } from './DashboardScreen';

const svc = (service: string, over: Partial<ServiceStatus> = {}): ServiceStatus => ({ service, containerId: `id-${service}`, containerName: `ups-${service}-1`, state: 'running', health: 'healthy', image: `img/${service}:1`, statusText: 'Up 5 minutes (healthy)', createdAt: 'x', ...over });
const status = (services: ServiceStatus[], overall: StackStatus['overall']): StackStatus => ({ project: 'ups', overall, services, observedAt: 'now' });

function fakeApi(restart: () => unknown) {
  const listeners = new Set<PushListener>();
  const calls: string[] = [];
  const api = {
    calls,
    emit: (s: StackStatus) => listeners.forEach((l) => l({ type: 'stack.status', status: s })),
    async invoke(channel: string) {
      calls.push(channel);
      if (channel === 'stack.status') return { ok: true, value: status([svc('plex'), svc('radarr')], 'running') };
      if (channel === 'stack.restart') return restart();
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${channel}".` } };
    },
    subscribe(l: PushListener) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return api as unknown as UpsApi & { calls: string[]; emit(s: StackStatus): void };
}

afterEach(() => {
  cleanup();
  useStatusStore.setState({ state: { phase: 'loading' } });
  useServiceActionsStore.setState({ state: {} });
});

function mount(api: UpsApi) {
  void useStatusStore.getState().load(api);
  api.subscribe(useStatusStore.getState().push);
  render(
    <FluentProvider theme={webLightTheme}>
      <DashboardScreen api={api} />
    </FluentProvider>,
  );
}

describe('dashboard', () => {
  it('shows a card per service and changes one on a push, without asking again', async () => {
    const api = fakeApi(() => ({ ok: true, value: { verb: 'restart', services: ['radarr'], operationId: 'o' } }));
    mount(api);
    await screen.findByTestId('service-radarr');
    expect(screen.getByTestId('stack-overall').getAttribute('data-overall')).toBe('running');
    const before = api.calls.filter((c) => c === 'stack.status').length;
    act(() => api.emit(status([svc('plex'), svc('radarr', { state: 'exited', health: 'none', statusText: 'Exited (0)' })], 'degraded')));
    expect(screen.getByTestId('service-radarr').getAttribute('data-state')).toBe('exited');
    expect(screen.getByTestId('stack-overall').getAttribute('data-overall')).toBe('degraded');
    expect(api.calls.filter((c) => c === 'stack.status').length).toBe(before);
  });

  it('links each running service to its published host port', async () => {
    const { hostPorts } = await import('./ServiceCard');
    expect(hostPorts(['127.0.0.1:8080->8080/tcp', '0.0.0.0:8000->8000/tcp', '0.0.0.0:8080->8080/tcp', '0.0.0.0:1900->1900/udp'])).toEqual([8080, 8000]);
    expect(hostPorts(undefined)).toEqual([]);
  });

  it('restarts one service and shows a failure with its fix', async () => {
    const api = fakeApi(() => ({ ok: false, error: { code: 'ENGINE_UNREACHABLE', message: 'Docker engine did not answer.', fix: 'Start Docker Desktop.' } }));
    mount(api);
    fireEvent.click(await screen.findByRole('button', { name: 'Restart radarr' }));
    await waitFor(() => expect(screen.getByTestId('service-radarr').textContent).toMatch(/Docker engine did not answer\.How to fix: Start Docker Desktop\./));
    expect(api.calls).toContain('stack.restart');
  });
});
