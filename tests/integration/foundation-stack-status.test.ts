// The App service against a real dockerd: a stand-in container carrying the project labels shows up in
// stack.status with the right state, and stopping it changes the answer.
import type Docker from 'dockerode';
import { testAppDeps } from '../helpers/test-app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import { requireDocker, uniqueProject } from '../helpers/require-env';

const project = uniqueProject('status');
let docker: Docker;
let app: AppService;
const created: Docker.Container[] = [];

async function startStandIn(service: string, env: string[] = []): Promise<Docker.Container> {
  const c = await docker.createContainer({
    Image: 'ups-standin/service:latest',
    name: `${project}-${service}-1`,
    Env: env,
    Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': service },
    HostConfig: { NetworkMode: 'none' },
  });
  created.push(c);
  await c.start();
  return c;
}

async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

beforeAll(async () => {
  docker = await requireDocker();
  app = createAppService(
    testAppDeps({
      version: 'test',
      platform: process.platform,
      arch: process.arch,
      door: 'cli',
      project,
      installRoot: async () => null,
      endpoint: createDockerEndpoint(process.env),
      detectCompose: async () => ({ available: false }),
      vault: createKeytarVault('UPS test unused'),
    }),
  );
});

afterAll(async () => {
  for (const c of created) await c.remove({ force: true }).catch(() => undefined);
});

const status = async () => {
  const r = await app.call('stack.status');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('stack.status on a real engine', () => {
  it('reports not-installed when no container carries the project label', async () => {
    const s = await status();
    expect(s.project).toBe(project);
    expect(s.services).toEqual([]);
    expect(s.overall).toBe('not-installed');
  });

  it('sees labelled containers with state and health, and follows a stop', async () => {
    const radarr = await startStandIn('radarr');
    await startStandIn('sonarr', ['STANDIN_HEALTH=fail']);
    // An unrelated container on the same engine must not appear.
    const stranger = await docker.createContainer({
      Image: 'ups-standin/service:latest',
      Labels: { 'com.docker.compose.project': `${project}-other` },
      HostConfig: { NetworkMode: 'none' },
    });
    created.push(stranger);
    await stranger.start();

    const healthy = await waitFor(
      status,
      (s) =>
        s.services.find((x) => x.service === 'radarr')?.health === 'healthy' &&
        s.services.find((x) => x.service === 'sonarr')?.health === 'unhealthy',
      'radarr healthy and sonarr unhealthy',
    );
    expect(healthy.services.map((s) => s.service)).toEqual(['radarr', 'sonarr']);
    expect(healthy.services.every((s) => s.state === 'running')).toBe(true);
    expect(healthy.overall).toBe('degraded');

    await radarr.stop({ t: 5 });
    const after = await status();
    const r = after.services.find((x) => x.service === 'radarr');
    expect(r?.state).toBe('exited');
    expect(r?.health).toBe('none');
    expect(after.overall).toBe('degraded');
  });

  it('answers ENGINE_UNREACHABLE with a fix when the engine is gone', async () => {
    const dead = createAppService(
      testAppDeps({
        version: 'test',
        platform: 'linux',
        arch: 'x64',
        door: 'cli',
        project,
        installRoot: async () => null,
        endpoint: createDockerEndpoint({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }, 'linux'),
        detectCompose: async () => ({ available: false }),
        vault: createKeytarVault('UPS test unused'),
      }),
    );
    const r = await dead.call('stack.status');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('ENGINE_UNREACHABLE');
      expect(r.error.message).toContain('/nonexistent/docker.sock');
      expect(r.error.fix).toMatch(/DOCKER_HOST|Docker/);
    }
  });
});
