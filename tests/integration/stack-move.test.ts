// "Move the stack to another engine" between two private dockerds (tests/fixtures/engine/second-dockerd.ts): the
// stand-in stack is installed and started on engine A, its config volumes get known content (owners, modes, links,
// an 8 MiB file), and the move goes to engine B. Checked: the target check (API, images and their architecture, free
// space, the media folder there); a move whose link test fails leaves A's stack running as before with the previous
// stack files; a move killed (SIGKILL, a separate process) at random points and resumed ends with B running the stack
// healthy, every volume byte-identical to A's, and the stack files naming the target's media folder; the old stack
// goes only on the confirmed removal.
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { defaultImages, type StackConfig } from '../../src/core/contract/stack-config';
import { volumeManifest } from '../../src/core/engine/volume-archive';
import { goArch } from '../../src/core/migrate/stack-move-check';
import type { SecondDockerd } from '../fixtures/engine/second-dockerd';
import { setUpMove, type MoveSetup } from '../fixtures/engine/stack-move-setup';
import { moveHarness, type MoveHarnessConfig } from '../fixtures/engine/stack-move-harness';
import { readBack, type KnownFile } from '../fixtures/engine/volume-content';
import { uniqueProject } from '../helpers/require-env';

const project = uniqueProject('move');
const STACK_FILES = ['stack.yml', 'compose.yaml', '.env', 'arr.yml'];
let setup: MoveSetup;
let a: SecondDockerd;
let b: SecondDockerd;
let root: string;
let cfg: StackConfig;
let harness: MoveHarnessConfig;
let childBundle: string;
let known: Map<string, KnownFile[]>;

async function stackFiles(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of STACK_FILES) out[f] = await readFile(join(cfg.installRoot, f), 'utf8');
  return out;
}

async function projectContainers(docker: Docker): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${project}`] } });
}

beforeAll(async () => {
  setup = await setUpMove(project);
  ({ a, b, root, cfg, harness, known } = setup);
  // Inside the worktree, so the bundle's external packages resolve from its node_modules.
  childBundle = resolve('dist', `stack-move-child-${project}.mjs`);
  await build({
    entryPoints: ['tests/fixtures/engine/stack-move-child.ts'],
    outfile: childBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
}, 600_000);

afterAll(async () => {
  await setup?.destroy();
  if (childBundle) await rm(childBundle, { force: true });
}, 180_000);

const target = () => ({ host: b.host });

describe('stack move between two engines', () => {
  it('checks the target: API version, every image and its architecture, free space, the media folder', async () => {
    const { service } = moveHarness(harness);
    const r = await service.check({ target: target(), dataRoot: join(root, 'nas-data') });
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.engine.arch).toBe(goArch(process.arch));
    expect(r.images.map((i) => i.service).sort()).toEqual(
      (await projectContainers(a.docker)).map((c) => c.Labels['com.docker.compose.service']).sort(),
    );
    for (const i of r.images)
      expect(`${i.service}:${i.arch}:${i.ok}`).toBe(`${i.service}:${goArch(process.arch)}:true`);
    expect(r.volumes.map((v) => v.name)).toEqual(expect.arrayContaining(['radarr-config', 'sonarr-config']));
    expect(r.neededBytes).toBeGreaterThanOrEqual(2 * 8 * 1024 * 1024);
    expect(r.freeBytes).toBeGreaterThan(r.neededBytes);

    const missing = await service.check({ target: target(), dataRoot: join(root, 'no-such-folder') });
    expect(missing.ok).toBe(false);
    expect(missing.problems.map((p) => p.message).join('\n')).toContain(
      `The media folder ${join(root, 'no-such-folder')} does not exist`,
    );
    // The source engine is no target.
    const self = await service.check({ target: { host: a.host } });
    expect(self.problems.map((p) => p.message)).toContain('The target is the engine the stack already runs on.');
  });

  it('a move that fails before the end leaves the source stack running as before, with the previous stack files', async () => {
    const before = await projectContainers(a.docker);
    const files = await stackFiles();
    const { service } = moveHarness({ ...harness, failLinks: true });
    await expect(service.run({ target: target(), dataRoot: join(root, 'nas-data') })).rejects.toThrow(/made to fail/);
    const status = await service.status();
    expect(status.phase).toBe('rolled-back');
    expect(status.lastError?.message).toMatch(/made to fail/);
    const after = await projectContainers(a.docker);
    expect(after.map((c) => `${c.Id}:${c.State}`).sort()).toEqual(before.map((c) => `${c.Id}:running`).sort());
    expect(await stackFiles()).toEqual(files);
    expect(await projectContainers(b.docker)).toEqual([]);
  }, 300_000);

  it('killed at random points (kill -9) and resumed, the stack runs on the target with byte-identical volumes', async () => {
    const { service } = moveHarness(harness);
    const kills: string[] = [];
    for (let trial = 0; trial < 8; trial++) {
      const s = await service.status();
      if (s.phase === 'ready') break;
      const mode = s.phase === 'none' || s.phase === 'rolled-back' ? 'run' : 'resume';
      const delay = Math.floor(Math.random() * 6000);
      const child = spawn(process.execPath, [childBundle, mode], {
        env: {
          ...process.env,
          UPS_T_MOVE_CONFIG: JSON.stringify({ ...harness, target: target(), dataRoot: join(root, 'nas-data') }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      // The clock starts when the move is recorded (its first step), so every kill lands inside the move itself.
      let timer: NodeJS.Timeout | undefined;
      child.stdout.on('data', () => (timer ??= setTimeout(() => child.kill('SIGKILL'), delay)));
      const { signal } = await new Promise<{ signal: NodeJS.Signals | null }>((r) =>
        child.on('exit', (_c, sig) => r({ signal: sig })),
      );
      clearTimeout(timer);
      if (signal === 'SIGKILL') kills.push(`${mode}+${delay}ms→${(await service.status()).phase}`);
      else expect(out, out).toContain('done:ready');
    }
    const end = await service.status();
    expect(end.lastError).toBeNull();
    const final = end.phase === 'ready' ? end : await service.resume({});
    expect(final.phase).toBe('ready');
    expect(kills.length, `kill points: ${kills.join(', ')}`).toBeGreaterThan(0);

    // Every config volume byte-identical (owners, modes, links, content) on both engines.
    for (const v of final.volumes) {
      expect(v.copied).toBe(true);
      const name = `${project}_${v.name}`;
      const [ma, mb] = await Promise.all([
        volumeManifest({ docker: a.docker, volume: name, image: defaultImages.radarr }),
        volumeManifest({ docker: b.docker, volume: name, image: defaultImages.radarr }),
      ]);
      expect(mb.entries, name).toEqual(ma.entries);
    }
    // And independently of the manifest code: the known files read back from the target.
    for (const [vol, files] of known) {
      const back = await readBack(b.docker, `${project}_${vol}`, defaultImages.radarr);
      for (const f of files) {
        const got = back.files.get(f.path);
        expect(
          got && { uid: got.uid, gid: got.gid, mode: got.mode, same: got.data.equals(f.data) },
          `${vol}/${f.path}`,
        ).toEqual({ uid: f.uid, gid: f.gid, mode: f.mode, same: true });
      }
      expect(back.symlinks.get('current')).toBe('db/app.db');
      expect(back.files.get('config.hardlink')?.data.equals(files[0]!.data)).toBe(true);
      expect(back.dirs.has('empty')).toBe(true);
    }
    // Running healthy on B, stopped (kept) on A; the stack files name the target's media folder.
    const onB = await projectContainers(b.docker);
    expect(onB.length).toBeGreaterThan(0);
    for (const c of onB)
      expect(`${c.Labels['com.docker.compose.service']}:${c.State}`).toBe(
        `${c.Labels['com.docker.compose.service']}:running`,
      );
    for (const c of await projectContainers(a.docker)) expect(c.State).not.toBe('running');
    expect(await readFile(join(cfg.installRoot, 'stack.yml'), 'utf8')).toContain(join(root, 'nas-data'));
    expect(await readFile(join(cfg.installRoot, '.env'), 'utf8')).toContain(
      `STACK_DATA_ROOT=${join(root, 'nas-data')}`,
    );
    expect(final.links.length).toBeGreaterThan(0);
    expect(final.links.every((l) => l.ok)).toBe(true);
  }, 900_000);

  it('removes the old stack only on the confirmed call, and keeps the moved one', async () => {
    const { service } = moveHarness(harness);
    const r = await service.removeSource({});
    expect(r.phase).toBe('removed');
    expect(await projectContainers(a.docker)).toEqual([]);
    const left = await a.docker.listVolumes({ filters: { name: [`${project}_radarr-config`] } });
    expect(left.Volumes ?? []).toEqual([]);
    for (const c of await projectContainers(b.docker)) expect(c.State).toBe('running');
  }, 120_000);
});
