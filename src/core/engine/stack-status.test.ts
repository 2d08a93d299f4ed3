import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { healthFromStatus, overallOf, readStackStatus, toServiceStatus } from './stack-status';

const info = (over: Partial<Docker.ContainerInfo>): Docker.ContainerInfo =>
  ({
    Id: 'abc123',
    Names: ['/ups-radarr-1'],
    Image: 'lscr.io/linuxserver/radarr:5',
    State: 'running',
    Status: 'Up 2 minutes (healthy)',
    Created: 1_700_000_000,
    Labels: { 'com.docker.compose.project': 'ups', 'com.docker.compose.service': 'radarr' },
    ...over,
  }) as Docker.ContainerInfo;

describe('health from the list status text', () => {
  it.each([
    ['Up 3 minutes (healthy)', 'healthy'],
    ['Up 5 seconds (health: starting)', 'starting'],
    ['Up 1 hour (unhealthy)', 'unhealthy'],
    ['Up 1 hour', 'none'],
    ['Exited (0) 2 minutes ago', 'none'],
  ])('%s → %s', (text, health) => expect(healthFromStatus(text)).toBe(health));
});

describe('service status', () => {
  it('uses the compose service label, not the container name (v1 and v2 name differently)', () => {
    expect(toServiceStatus(info({ Names: ['/ups_radarr_1'] })).service).toBe('radarr');
    expect(toServiceStatus(info({})).containerName).toBe('ups-radarr-1');
  });

  it('maps an unknown engine state to unknown rather than failing', () => {
    expect(toServiceStatus(info({ State: 'weird' })).state).toBe('unknown');
  });
});

describe('overall state', () => {
  const svc = (state: string, status: string) => toServiceStatus(info({ State: state, Status: status }));
  it('is not-installed with no containers', () => expect(overallOf([])).toBe('not-installed'));
  it('is running when all run healthy or without healthcheck', () =>
    expect(overallOf([svc('running', 'Up (healthy)'), svc('running', 'Up 1 hour')])).toBe('running'));
  it('is degraded when one is unhealthy or starting or stopped', () => {
    expect(overallOf([svc('running', 'Up (healthy)'), svc('running', 'Up (unhealthy)')])).toBe('degraded');
    expect(overallOf([svc('running', 'Up (health: starting)')])).toBe('degraded');
    expect(overallOf([svc('running', 'Up (healthy)'), svc('exited', 'Exited (0)')])).toBe('degraded');
  });
  it('is stopped when none runs', () =>
    expect(overallOf([svc('exited', 'Exited (0)'), svc('created', 'Created')])).toBe('stopped'));
});

describe('readStackStatus', () => {
  it('asks the engine by project label and sorts by service', async () => {
    let filters: unknown;
    const docker = {
      listContainers: async (opts: { filters: unknown }) => {
        filters = opts.filters;
        return [info({ Id: 'b', Labels: { 'com.docker.compose.service': 'sonarr' } }), info({ Id: 'a' })];
      },
    } as unknown as Docker;
    const s = await readStackStatus(docker, 'ups', () => new Date('2026-01-01T00:00:00Z'));
    expect(filters).toEqual({ label: ['com.docker.compose.project=ups'] });
    expect(s.services.map((x) => x.service)).toEqual(['radarr', 'sonarr']);
    expect(s.observedAt).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('start times', () => {
  it('inspects running containers only, and only when asked', async () => {
    const inspected: string[] = [];
    const docker = {
      listContainers: async () => [
        info({ Id: 'run' }),
        info({ Id: 'off', State: 'exited', Status: 'Exited (0)', Labels: { 'com.docker.compose.service': 'sonarr' } }),
      ],
      getContainer: (id: string) => ({
        inspect: async () => (inspected.push(id), { State: { StartedAt: '2026-11-25T05:00:00.123Z' } }),
      }),
    } as unknown as Docker;
    const plain = await readStackStatus(docker, 'ups');
    expect(inspected).toEqual([]);
    expect(plain.services[0]?.startedAt).toBeUndefined();
    const timed = await readStackStatus(docker, 'ups', undefined, { startTimes: true });
    expect(inspected).toEqual(['run']);
    expect(timed.services.find((s) => s.service === 'radarr')?.startedAt).toBe('2026-11-25T05:00:00.123Z');
    expect(timed.services.find((s) => s.service === 'sonarr')?.startedAt).toBeUndefined();
  });
});
