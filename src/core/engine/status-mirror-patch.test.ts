// Event patches: a die is pushed as exited at once, health events update health, anything else waits for a list.
import { describe, expect, it } from 'vitest';
import type { StackStatus } from '../contract';
import { patchStatus } from './status-mirror-patch';

const base: StackStatus = {
  project: 'p',
  overall: 'running',
  observedAt: '2026-01-01T00:00:00.000Z',
  services: [
    {
      service: 'radarr',
      containerId: 'a1',
      containerName: 'p_radarr_1',
      state: 'running',
      health: 'healthy',
      image: 'r',
      statusText: 'Up 3 minutes (healthy)',
      createdAt: '',
    },
    {
      service: 'sonarr',
      containerId: 'b2',
      containerName: 'p_sonarr_1',
      state: 'running',
      health: 'healthy',
      image: 's',
      statusText: 'Up 3 minutes (healthy)',
      createdAt: '',
    },
  ],
};
const ev = (action: string, containerId = 'a1') => ({ action, containerId, service: 'radarr', timeNano: 0 });

describe('patchStatus', () => {
  it('marks a dead container exited and the stack degraded', () => {
    const s = patchStatus(base, ev('die'));
    expect(s?.services[0]).toMatchObject({ state: 'exited', health: 'none' });
    expect(s?.overall).toBe('degraded');
  });
  it('applies health changes', () => {
    const s = patchStatus(base, ev('health_status: unhealthy'));
    expect(s?.services[0]).toMatchObject({ health: 'unhealthy', statusText: 'Up 3 minutes (unhealthy)' });
    expect(s?.overall).toBe('degraded');
  });
  it('leaves unknown containers and other actions to the list', () => {
    expect(patchStatus(base, ev('die', 'zz'))).toBeNull();
    expect(patchStatus(base, ev('start'))).toBeNull();
    expect(patchStatus(base, ev('create'))).toBeNull();
  });
});
