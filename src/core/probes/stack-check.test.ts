import { describe, expect, it } from 'vitest';
import type { EnvCheck, ServiceStatus } from '../contract';
import { stackCheckFrom, withStackCheck } from './stack-check';

const svc = (service: string, state: ServiceStatus['state'], health: ServiceStatus['health']): ServiceStatus => ({
  service,
  state,
  health,
  containerId: service,
  containerName: `ups-${service}-1`,
  image: 'x',
  statusText: '',
  createdAt: '2026-01-01T00:00:00.000Z',
});
const status = (overall: 'running' | 'degraded' | 'stopped' | 'not-installed', services: ServiceStatus[]) => ({
  ok: true as const,
  value: { project: 'ups', overall, services, observedAt: '' },
});

describe('stack check', () => {
  it('maps each overall state to a verdict with a fix where one helps', () => {
    expect(stackCheckFrom(status('not-installed', [])).state).toBe('not-applicable');
    expect(stackCheckFrom(status('running', [svc('plex', 'running', 'healthy')])).state).toBe('ok');
    expect(stackCheckFrom(status('stopped', [svc('plex', 'exited', 'none')])).fixes[0]).toMatchObject({
      kind: 'action',
      action: { action: 'stack.up', input: {} },
    });
    const degraded = stackCheckFrom(
      status('degraded', [
        svc('plex', 'running', 'healthy'),
        svc('radarr', 'running', 'unhealthy'),
        svc('vpn', 'exited', 'none'),
      ]),
    );
    expect(degraded.state).toBe('fail');
    expect(degraded.detail).toBe('Not every service is up: radarr (running, unhealthy), vpn (exited).');
    // The fix restarts exactly the services that are not up.
    expect(degraded.fixes[0]).toMatchObject({
      kind: 'action',
      action: { action: 'stack.restart', input: { services: ['radarr', 'vpn'] } },
    });
  });

  it('does not fail twice for an unreachable engine, and recomputes the overall verdict', () => {
    expect(stackCheckFrom({ ok: false, error: { code: 'ENGINE_UNREACHABLE', message: 'x' } }).state).toBe(
      'not-applicable',
    );
    expect(stackCheckFrom({ ok: false, error: { code: 'INTERNAL', message: 'boom', fix: 'retry' } })).toMatchObject({
      state: 'fail',
      fixes: [{ kind: 'steps', text: 'retry' }],
    });
    const env = {
      checkedAt: '',
      overall: 'ok',
      checks: [],
      docker: { reachable: true, endpoint: 'e' },
      compose: { available: true },
      vault: { usable: true, backend: 'b' },
    } satisfies EnvCheck;
    expect(withStackCheck(env, status('degraded', [svc('vpn', 'exited', 'none')])).overall).toBe('fail');
    expect(withStackCheck(env, status('not-installed', [])).overall).toBe('ok');
  });
});
