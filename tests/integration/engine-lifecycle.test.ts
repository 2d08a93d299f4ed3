// Lifecycle through the App service on the real dockerd + compose: up/stop/start/restart/logs/down on the
// hand-written stack, each change observed as a `stack.status` PUSH from the status mirror (the test never
// re-reads stack.status to see it), progress pushes during up, and envelope errors that change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAppDeps } from '../helpers/test-app';
import { createAppService } from '../../src/core/app/app-service';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { allHealthy, createEngineHarness, svc, type EngineHarness } from '../fixtures/engine/harness';

let h: EngineHarness;

beforeAll(async () => {
  h = await createEngineHarness('life');
});
afterAll(async () => {
  await h?.cleanup();
});

describe('stack lifecycle', () => {
  it('up starts every service; the mirror pushes the healthy stack and up pushes progress', async () => {
    const mark = h.pushes.length;
    const r = await h.app.handle('stack.up', {});
    expect(r).toMatchObject({ ok: true, value: { verb: 'up' } });
    const s = await h.waitForPush('all five healthy', (x) => allHealthy(x, 5), mark);
    expect(s.overall).toBe('running');
    expect(s.services.map((x) => x.service)).toEqual(['nzbget', 'qbittorrent', 'radarr', 'sonarr', 'vpn']);
    // The download clients' web ports are published on vpn (D6); every service reports its image ID.
    expect(svc(s, 'vpn')?.ports).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^127\.0\.0\.1:\d+->8080\/tcp$/),
        expect.stringMatching(/->8000\/tcp$/),
      ]),
    );
    expect(svc(s, 'qbittorrent')?.ports).toBeUndefined();
    expect(s.services.every((x) => x.imageId?.startsWith('sha256:'))).toBe(true);
    const progress = h.pushes.slice(mark).filter((p) => p.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    const last = progress.at(-1);
    expect(last?.type === 'progress' && last.progress.operationId).toBe(
      r.ok && (r.value as { operationId: string }).operationId,
    );
    // Compose v1 (docker-compose 1.29 here) keeps the text path: it was not given `--wait` or `--progress json` (it
    // would have refused both), its lines were parsed as before, and it reports no byte counts.
    expect(await detectCompose(commandRunner(process.env))).toMatchObject({ variant: 'v1', version: '1.29.2' });
    expect(progress.every((p) => p.type === 'progress' && p.progress.bytes === undefined)).toBe(true);
    expect(last?.type === 'progress' && last.progress).toMatchObject({ current: 5, total: 5 });
  });

  it('stop and start of one service are pushed', async () => {
    let mark = h.pushes.length;
    expect((await h.app.handle('stack.stop', { services: ['radarr'] })).ok).toBe(true);
    const stopped = await h.waitForPush('radarr exited', (x) => svc(x, 'radarr')?.state === 'exited', mark);
    expect(stopped.overall).toBe('degraded');
    mark = h.pushes.length;
    expect((await h.app.handle('stack.start', { services: ['radarr'] })).ok).toBe(true);
    await h.waitForPush('radarr healthy again', (x) => allHealthy(x, 5), mark);
  });

  it('restart is pushed as the service leaving and regaining health', async () => {
    const mark = h.pushes.length;
    // With the caller's operationId, the answer and this verb's progress pushes carry it.
    expect(await h.app.handle('stack.restart', { services: ['sonarr'], operationId: 'restart-mine-1' })).toMatchObject({
      ok: true,
      value: { operationId: 'restart-mine-1' },
    });
    const progress = h.pushes.slice(mark).filter((p) => p.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.type === 'progress' && p.progress.operationId === 'restart-mine-1')).toBe(true);
    await h.waitForPush(
      'sonarr restarting',
      (x) => {
        const s = svc(x, 'sonarr');
        return !!s && !(s.state === 'running' && s.health === 'healthy');
      },
      mark,
    );
    await h.waitForPush('sonarr healthy after restart', (x) => allHealthy(x, 5), mark);
  });

  it('logs returns the service output through compose', async () => {
    const r = await h.app.handle('stack.logs', { service: 'radarr', tail: 50 });
    expect(r).toMatchObject({ ok: true, value: { service: 'radarr' } });
  });

  it('an unknown service is NOT_FOUND with the valid names, and nothing changes', async () => {
    const before = (
      await h.docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${h.project}`] } })
    )
      .map((c) => `${c.Id}:${c.State}`)
      .sort();
    const r = await h.app.handle('stack.stop', { services: ['radarr', 'nosuch'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'services' } });
    expect(!r.ok && r.error.fix).toContain('qbittorrent');
    const bad = await h.app.handle('stack.up', { services: ['Not A Name'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'input.services.0' } });
    const after = (
      await h.docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${h.project}`] } })
    )
      .map((c) => `${c.Id}:${c.State}`)
      .sort();
    expect(after).toEqual(before);
  });

  it('down removes the stack and the mirror pushes "not installed"', async () => {
    const mark = h.pushes.length;
    expect((await h.app.handle('stack.down', {})).ok).toBe(true);
    const s = await h.waitForPush('stack gone', (x) => x.services.length === 0, mark);
    expect(s.overall).toBe('not-installed');
  });
});

describe('errors before anything runs', () => {
  it('engine not running → ENGINE_UNREACHABLE with a fix', async () => {
    const app = createAppService(
      testAppDeps({
        ...baseDeps(),
        endpoint: createDockerEndpoint({ DOCKER_HOST: `unix:///tmp/${h.project}-no-engine.sock` }),
      }),
    );
    const r = await app.handle('stack.up', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'ENGINE_UNREACHABLE' } });
    expect(!r.ok && r.error.fix).toMatch(/Start the Docker daemon/);
  });

  it('compose missing → COMPOSE_MISSING with a fix', async () => {
    const app = createAppService(testAppDeps({ ...baseDeps(), detectCompose: async () => ({ available: false }) }));
    const r = await app.handle('stack.start', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'COMPOSE_MISSING' } });
    expect(!r.ok && r.error.fix).toMatch(/docker-compose|Docker Desktop/);
    const left = await h.docker.listContainers({
      all: true,
      filters: { label: [`com.docker.compose.project=${h.project}`] },
    });
    expect(left).toEqual([]);
  });
});

function baseDeps() {
  return {
    version: 'test',
    platform: process.platform,
    arch: process.arch,
    door: 'cli' as const,
    project: h.project,
    installRoot: async () => h.root,
    endpoint: createDockerEndpoint(process.env),
    detectCompose: async () => ({
      available: true,
      variant: 'v1' as const,
      version: '1.29.2',
      command: ['docker-compose'],
    }),
    vault: { backend: 'unused', set: async () => undefined, get: async () => null, delete: async () => false },
  };
}
