// The status mirror survives an engine restart: on a SECOND private dockerd that this test starts and stops by pid
// (never the shared one), the mirror loses its event stream, reconnects with backoff once the engine is back,
// pushes the state that changed meanwhile, and keeps pushing live changes afterwards.
import type Docker from 'dockerode';
import { testAppDeps } from '../helpers/test-app';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import type { PushEvent, StackStatus } from '../../src/core/contract';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { requireDocker, uniqueProject } from '../helpers/require-env';
import { copyImage, createSecondDockerd, linkExists, type SecondDockerd } from '../fixtures/engine/second-dockerd';

const project = uniqueProject('restart');
// The shared engine's bridge, which a second dockerd started with --bridge=none used to delete (second-dockerd.ts).
const hadDocker0 = linkExists('docker0');
let engine: SecondDockerd;
let app: AppService;
const pushes: PushEvent[] = [];
let unsubscribe: () => void = () => undefined;

beforeAll(async () => {
  const shared = await requireDocker();
  engine = await createSecondDockerd();
  await engine.start();
  await copyImage(shared, engine.docker, 'ups-standin/service:latest');
  app = createAppService(
    testAppDeps({
      version: 'test',
      platform: process.platform,
      arch: process.arch,
      door: 'cli',
      project,
      installRoot: async () => null,
      endpoint: createDockerEndpoint({ DOCKER_HOST: engine.host }),
      detectCompose: () => detectCompose(commandRunner(process.env)),
      vault: { backend: 'unused', set: async () => undefined, get: async () => null, delete: async () => false },
    }),
  );
  unsubscribe = app.subscribe((e) => pushes.push(e));
});

afterAll(async () => {
  unsubscribe();
  await engine?.destroy();
});

async function waitForPush(
  what: string,
  match: (s: StackStatus) => boolean,
  since: number,
  ms = 60_000,
): Promise<StackStatus> {
  const until = Date.now() + ms;
  for (;;) {
    const hit = pushes.slice(since).find((p) => p.type === 'stack.status' && match(p.status));
    if (hit?.type === 'stack.status') return hit.status;
    if (Date.now() > until)
      throw new Error(`no push for "${what}" within ${ms} ms; pushes: ${JSON.stringify(pushes.slice(since))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function createStandIn(docker: Docker, service: string): Promise<Docker.Container> {
  const c = await docker.createContainer({
    Image: 'ups-standin/service:latest',
    name: `${project}-${service}-1`,
    Labels: { 'com.docker.compose.project': project, 'com.docker.compose.service': service },
    HostConfig: { NetworkMode: 'none' },
  });
  await c.start();
  return c;
}

it('reconnects after the engine stops and starts, and reports the state that changed meanwhile', async () => {
  let mark = pushes.length;
  const c = await createStandIn(engine.docker, 'radarr');
  await waitForPush('radarr running', (s) => s.services[0]?.state === 'running', mark);

  // Engine goes away: the container stops with it (no restart policy).
  await engine.stop();
  // While the engine is down the mirror does not serve a stale answer.
  // (the broken stream is noticed asynchronously, so allow it a moment)
  let down = await app.call('stack.status');
  for (let i = 0; i < 100 && down.ok; i++) {
    await new Promise((r) => setTimeout(r, 100));
    down = await app.call('stack.status');
  }
  expect(down).toMatchObject({ ok: false, error: { code: 'ENGINE_UNREACHABLE' } });
  mark = pushes.length;
  await engine.start();
  const after = await waitForPush(
    'radarr exited after the restart',
    (s) => s.services.length === 1 && s.services[0]?.state === 'exited',
    mark,
  );
  expect(after.overall).toBe('stopped');

  // Live events flow again on the new stream.
  mark = pushes.length;
  await c.start();
  const live = await waitForPush('radarr running again', (s) => s.services[0]?.state === 'running', mark);
  expect(live.overall).not.toBe('not-installed');
  const status = await app.call('stack.status');
  expect(status.ok && status.value.services[0]?.state).toBe('running');
});

it("leaves the shared engine's docker0 bridge in place across the second engine's restarts", () => {
  expect(hadDocker0).toBe(true);
  expect(linkExists('docker0')).toBe(true);
});
