// The switch on the real dockerd with stand-ins under our own compose project: after the switch the containers see
// the same files at the same container paths (now from the target); a failed start after the switch switches back
// automatically and the stack is healthy on the local data; --delete-source only after a verified switch. Plex is a
// stand-in here, so its library API is the recorded-response fake on the host, reading the folder the Plex
// container has mounted at that moment: a movie lost on the target shows as a Plex count and the switch goes back.
import { inheritedHostEnv } from '../../src/core/engine/compose/compose-runner';
import type Docker from 'dockerode';
import { execa } from 'execa';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpsFailure } from '../../src/core/contract/envelope';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import type { ComposeTarget } from '../../src/core/engine/compose/compose-runner';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { composeStack } from '../../src/core/migrate/compose-stack';
import { dataMountHooks } from '../../src/core/app/handlers/migrate';
import { createMigrateService } from '../../src/core/migrate/migrate-service';
import { plexLibraryHooks } from '../../src/core/migrate/plex-hook';
import type { StackPort } from '../../src/core/migrate/switch';
import { PlexServerClient } from '../../src/core/plex/plex-server-client';
import { startPlexLibraryFake } from '../fakes/plex-library-fake';
import { contentView, fingerprint, generateLibrary } from '../helpers/library-generator';
import { requireDocker, uniqueProject } from '../helpers/require-env';

let docker: Docker;
let command: string[];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  docker = await requireDocker();
  const facts = await detectCompose(commandRunner(process.env));
  if (!facts.available || !facts.command)
    throw new Error('Docker Compose is missing: install docker-compose (v1) or the compose v2 plugin.');
  command = facts.command;
});
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c().catch(() => undefined);
});

const health = (check: string) => `    healthcheck:
      test: ["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:8080/health && ${check}"]
      interval: 1s
      timeout: 2s
      retries: 2`;

/** `wrap` lets a test act on the stack's start (e.g. the share losing a file after the final copy). */
async function setup(wrap: (s: StackPort, at: { nas: string; composeFile: string }) => StackPort = (s) => s) {
  const dir = await mkdtemp(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), 'ups-t-migrate-switch-'));
  const project = uniqueProject('migsw');
  const src = path.join(dir, 'data');
  const nas = path.join(dir, 'nas');
  const install = path.join(dir, 'install');
  await generateLibrary(src, { largeCount: 2, smallCount: 6 });
  await mkdir(nas);
  await mkdir(install);
  const composeFile = path.join(install, 'compose.yaml');
  // Hand-written, same shape as the generated stack: Arr-like service sees all of /data, Plex-like sees /data/media.
  const compose = `services:
  radarr:
    image: ups-standin/service:latest
    network_mode: none
    volumes:
      - ${src}:/data
${health('[ ! -e /data/media/.poison ]')}
  plex:
    image: ups-standin/service:latest
    network_mode: none
    volumes:
      - ${src}/media:/data/media
${health('[ ! -e /data/media/.poison ]')}
`;
  await writeFile(composeFile, compose);
  const env = { ...process.env };
  // The engine's compose runner passes DOCKER_HOST from this process on to compose.
  const target: ComposeTarget = {
    compose: { available: true, command },
    project,
    file: composeFile,
    secretEnv: {},
    hostEnv: inheritedHostEnv(process.env),
  };
  const stack = composeStack({ target, docker, healthTimeoutMs: 60_000 });
  cleanups.push(async () => {
    await execa(
      command[0]!,
      [...command.slice(1), '-p', project, '-f', composeFile, 'down', '-v', '--remove-orphans'],
      { reject: false, env },
    );
    await rm(dir, { recursive: true, force: true });
  });
  await stack.start();
  await stack.waitHealthy();
  const plex = await startPlexLibraryFake({
    token: 'plex-token-migsw',
    sections: [
      { title: 'Movies', type: 'movie', location: '/data/media/movies' },
      { title: 'TV Shows', type: 'show', location: '/data/media/tv' },
    ],
    resolve: async (loc) =>
      path.join((await mountSource(project, 'plex', '/data/media'))!, path.relative('/data/media', loc)),
  });
  cleanups.unshift(async () => {
    expect(plex.server.violations).toEqual([]);
    await plex.stop();
  });
  const plexClient = new PlexServerClient({
    url: plex.server.url,
    token: async () => 'plex-token-migsw',
    clientId: 'ups-test-migsw',
  });
  const endpoint = createDockerEndpoint(process.env);
  const svc = createMigrateService({
    stateDir: path.join(dir, 'state'),
    platform: process.platform,
    dataRoot: async () => src,
    composeFile: async () => composeFile,
    stack: async () => wrap(stack, { nas, composeFile }),
    hooks: async () => [
      ...dataMountHooks({ endpoint, project }, await readFile(composeFile, 'utf8')),
      ...(await plexLibraryHooks({ client: plexClient, hasToken: async () => true, pollMs: 20 })),
    ],
  });
  return { dir, project, src, nas, install, composeFile, compose, svc, stack, plex };
}

async function mountSource(project: string, service: string, containerPath: string): Promise<string | undefined> {
  const [c] = await docker.listContainers({
    filters: { label: [`com.docker.compose.project=${project}`, `com.docker.compose.service=${service}`] },
  });
  const info = await docker.getContainer(c!.Id).inspect();
  return info.Mounts.find((m) => m.Destination === containerPath)?.Source;
}

async function shaInContainer(project: string, service: string, file: string): Promise<string> {
  const [c] = await docker.listContainers({
    filters: { label: [`com.docker.compose.project=${project}`, `com.docker.compose.service=${service}`] },
  });
  const r = await execa('docker', ['exec', c!.Id, 'sha256sum', file]);
  return r.stdout.split(/\s+/)[0]!;
}

describe('migrate switch on the real engine', () => {
  it('switches both services to the target with the same files at the same paths, then deletes the source on request', async () => {
    const t = await setup();
    await t.svc.plan({ to: t.nas });
    expect((await t.svc.start()).phase).toBe('verified');
    const movie = 'media/movies/Film 0 (2010)/Film 0.mkv';
    const before = await shaInContainer(t.project, 'plex', `/data/${movie}`);
    const st = await t.svc.finish({});
    expect(st.phase).toBe('switched');
    expect(st.canDeleteSource).toBe(true);
    // Plex scanned both libraries before and after and found the same: the 3 movie files and the 1 episode file.
    expect(st.switchChecks?.counts).toMatchObject({ 'plex:Movies': 3, 'plex:TV Shows': 1 });
    expect(st.switchChecks?.skipped).toEqual({});
    expect(t.plex.scans).toEqual(['1', '2', '1', '2']);
    expect(await mountSource(t.project, 'radarr', '/data')).toBe(t.nas);
    expect(await mountSource(t.project, 'plex', '/data/media')).toBe(`${t.nas}/media`);
    expect(await shaInContainer(t.project, 'plex', `/data/${movie}`)).toBe(before);
    expect(await shaInContainer(t.project, 'radarr', `/data/${movie}`)).toBe(before);
    // The previous compose.yaml is kept; the local copy is untouched until asked.
    const backups = await readdir(path.join(t.install, '.backups'));
    expect(await readFile(path.join(t.install, '.backups', backups[0]!, 'compose.yaml'), 'utf8')).toBe(t.compose);
    expect(contentView(await fingerprint(t.src))).toEqual(contentView(await fingerprint(t.nas)));
    const done = await t.svc.finish({ deleteSource: true });
    expect(done.phase).toBe('finished');
    expect(done.sourceDeleted).toBe(true);
    expect((await fingerprint(t.src)).size).toBe(0);
    expect(await shaInContainer(t.project, 'plex', `/data/${movie}`)).toBe(before);
  });

  it('switches back automatically when the stack fails to start healthy after the switch', async () => {
    const t = await setup();
    await t.svc.plan({ to: t.nas });
    expect((await t.svc.start()).phase).toBe('verified');
    // Only the target has the poison file: the services turn unhealthy if (and only if) they run on the target.
    await writeFile(path.join(t.nas, 'media', '.poison'), 'x');
    const err = await t.svc.finish({ deleteSource: true }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error.message).toMatch(/switched back to the local data/);
    expect((err as UpsFailure).error.message).toMatch(/not healthy/);
    expect(await readFile(t.composeFile, 'utf8')).toBe(t.compose);
    await t.stack.waitHealthy();
    expect(await mountSource(t.project, 'radarr', '/data')).toBe(t.src);
    expect(await mountSource(t.project, 'plex', '/data/media')).toBe(`${t.src}/media`);
    const st = await t.svc.status();
    expect(st.phase).toBe('verified');
    expect(st.canDeleteSource).toBe(false);
    expect(st.lastError?.message).toMatch(/switched back/);
    const src = await fingerprint(t.src);
    expect(src.size).toBeGreaterThan(0);
    const nasView = contentView(await fingerprint(t.nas));
    delete nasView['media/.poison'];
    expect(contentView(src)).toEqual(nasView);
  });

  it('switches back when Plex finds a movie missing on the target after the switch', async () => {
    const movie = 'media/movies/Film 1 (2011)/Film 1.mkv';
    let lose = true;
    // The share drops a file once the stack runs on it (after the final copy had verified it).
    const t = await setup((s, { nas, composeFile }) => ({
      ...s,
      start: async () => {
        await s.start();
        const onTarget = (await readFile(composeFile, 'utf8')).includes(nas);
        if (lose && onTarget) await rm(path.join(nas, movie));
        lose &&= !onTarget;
      },
    }));
    await t.svc.plan({ to: t.nas });
    expect((await t.svc.start()).phase).toBe('verified');
    const err = await t.svc.finish({}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error.message).toMatch(/switched back to the local data/);
    expect((err as UpsFailure).error.message).toMatch(/plex:Movies sees 2 items instead of 3/);
    expect(await readFile(t.composeFile, 'utf8')).toBe(t.compose);
    expect(await mountSource(t.project, 'plex', '/data/media')).toBe(`${t.src}/media`);
    // Switched back and rescanned: Plex lists the local library again.
    expect(t.plex.items()).toEqual({ Movies: 3, 'TV Shows': 1 });
    expect((await t.svc.status()).phase).toBe('verified');
  });
});
