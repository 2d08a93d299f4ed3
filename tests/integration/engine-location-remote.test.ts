// The wizard's location check when Docker runs elsewhere: free space, filesystem and the hardlink test are measured
// on the engine's host through one-shot containers (stand-in busybox tagged as the probe image), reached over ssh://
// (OpenSSH on loopback, a private dockerd behind it). The check names the engine, creates nothing the user has not
// confirmed, leaves no container or test folder behind, and never runs on the shared engine.
import { execa } from 'execa';
import { mkdir, mkdtemp, readdir, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { createDockerEndpoint, type DockerEndpoint } from '../../src/core/engine/docker-endpoint';
import type { ProbeContext } from '../../src/core/probes/probe';
import { engineDiskProbe } from '../../src/core/stack/engine-disk-probe';
import { LOCATION_PROBE_IMAGE } from '../../src/core/stack/engine-location-check';
import { startLoopbackSshd, type LoopbackSshd } from '../fixtures/engine/loopback-sshd';
import { copyImage, createSecondDockerd, type SecondDockerd } from '../fixtures/engine/second-dockerd';
import { requireDocker } from '../helpers/require-env';
import { testAppDeps } from '../helpers/test-app';

let dir: string;
let engine: SecondDockerd;
let sshd: LoopbackSshd;
let shared: Docker;
let app: AppService;
let endpoint: DockerEndpoint;

beforeAll(async () => {
  shared = await requireDocker();
  dir = await mkdtemp(join(tmpdir(), 'ups-t-location-remote-'));
  engine = await createSecondDockerd();
  await engine.start();
  await copyImage(shared, engine.docker, 'ups-standin/busybox:base');
  const at = LOCATION_PROBE_IMAGE.lastIndexOf(':');
  await engine.docker
    .getImage('ups-standin/busybox:base')
    .tag({ repo: LOCATION_PROBE_IMAGE.slice(0, at), tag: LOCATION_PROBE_IMAGE.slice(at + 1) });
  sshd = await startLoopbackSshd(engine.host);
  endpoint = createDockerEndpoint({ DOCKER_HOST: sshd.url, SSH_AUTH_SOCK: sshd.agentSocket }, 'linux', {
    knownHostsFile: sshd.knownHostsFile,
  });
  app = createAppService(testAppDeps({ platform: 'linux', project: 'ups-t-location-remote', endpoint }));
}, 240_000);

afterAll(async () => {
  if (engine) await engine.destroy();
  if (sshd) await sshd.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 120_000);

it('measures and tests the data root on the engine host, naming the engine, creating nothing', async () => {
  const existing = join(dir, 'nas');
  await mkdir(existing);
  await writeFile(join(existing, 'keep.txt'), 'user data');
  const target = join(existing, 'media', 'not-yet');
  const since = Math.floor(Date.now() / 1000) - 1;

  const r = await app.call('stack.location.check', { dataRoot: target, services: ['vpn', 'radarr'] });
  expect(r.ok, JSON.stringify(r)).toBe(true);
  if (!r.ok) return;
  const v = r.value;
  expect(v.engine).toBe(`Docker on 127.0.0.1 (this PC, SSH as root)`);
  expect(v).toMatchObject({ path: target, exists: false, checkedFolder: existing });
  expect(v.warnings[0]).toContain(`does not exist yet on Docker on 127.0.0.1`);
  expect(v.hardlinks).toMatchObject({ ok: true });
  expect(v.hardlinks.detail).toContain(`tested in ${existing} on Docker on 127.0.0.1`);
  // The same disk, seen from the engine's container: the filesystem findmnt names and (nearly) the same free space.
  const fsType = (await execa('findmnt', ['-n', '-o', 'FSTYPE', '--target', existing])).stdout.trim();
  expect(v.filesystem).toBe(fsType);
  const s = await statfs(existing);
  const free = s.bavail * s.bsize;
  expect(Math.abs(v.freeBytes - free)).toBeLessThan(free * 0.05 + 64 * 1024 ** 2);

  // Nothing created (the missing folders stay missing), the test folder removed, the user's file untouched.
  expect((await readdir(existing)).sort()).toEqual(['keep.txt']);
  // The containers ran on the engine behind ssh and are gone; none on the shared engine.
  const events = await engine.docker.getEvents({
    since,
    until: Math.floor(Date.now() / 1000) + 1,
    filters: { type: ['container'], event: ['create'], label: ['io.ups.role=location-check'] },
  });
  const chunks: Buffer[] = [];
  for await (const c of events as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
  const created = Buffer.concat(chunks).toString('utf8').trim().split('\n').filter(Boolean);
  expect(created).toHaveLength(2);
  const left = { all: true, filters: { label: ['io.ups.role=location-check'] } };
  expect(await engine.docker.listContainers(left)).toEqual([]);
  expect(await shared.listContainers(left)).toEqual([]);
}, 300_000);

it('refuses a Windows path: the data root is a path on the Docker machine', async () => {
  const r = await app.call('stack.location.check', { dataRoot: 'D:\\Media' });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error).toMatchObject({ code: 'BAD_INPUT', field: 'input.dataRoot' });
  expect(r.error.message).toContain('is not an absolute Linux path on the engine');
});

it('ups doctor checks the disk on the engine host and names the engine', async () => {
  const checks = await app.call('env.check', {});
  expect(checks.ok).toBe(true);
  const row = checks.ok ? checks.value.checks.find((c) => c.id === 'host.disk') : undefined;
  expect(row?.title).toBe('Disk space and filesystem on Docker on 127.0.0.1 (this PC, SSH as root)');
  // No stack.yml here: the row says where the check will happen instead of measuring this PC's home folder.
  expect(row?.detail).toContain("the wizard's location step checks the media folder on Docker on 127.0.0.1");

  // With an installed data root, the probe measures it on the engine's host.
  const media = join(dir, 'doctor-media');
  await mkdir(media);
  const ctx = {
    platform: 'linux',
    host: { dataPath: async () => ({ path: media, source: 'stack' as const }) },
  } as unknown as ProbeContext;
  const out = await engineDiskProbe(endpoint.docker, endpoint.name).check(ctx);
  expect(out.title).toBe('Disk space and filesystem on Docker on 127.0.0.1 (this PC, SSH as root)');
  expect(out.detail).toContain(`free at ${media} (the data root in stack.yml) on Docker on 127.0.0.1`);
  expect(out.detail).toContain('Hardlinks work');
  expect(await readdir(media)).toEqual([]);
}, 300_000);
