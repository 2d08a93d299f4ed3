// Image references are overridable and really used: every service's image points at a local registry (Debian's
// docker-registry on loopback), none is on the engine beforehand, and the install pulls them before the hardlink
// test and the seeds need them, then the stack comes up healthy on exactly those references.
import { inheritedHostEnv } from '../../src/core/engine/compose/compose-runner';
import type Docker from 'dockerode';
import { execa } from 'execa';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPorts, type PortName, type ProgressEvent } from '../../src/core/contract';
import { bringUpStack, secretEnvFor, type BringUpResult } from '../../src/core/stack/bring-up';
import { loadCatalog } from '../../src/core/stack/catalog';
import { runTestCompose as runStackCompose } from '../helpers/compose';
import type { GeneratedCompose } from '../../src/core/stack/generate-compose';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { writeStack } from '../../src/core/stack/write-stack';
import type { StackConfig } from '../../src/core/contract';
import { startRegistry, type TestRegistry } from '../fixtures/engine/registry';
import { requireDocker, uniqueProject } from '../helpers/require-env';
import { composeCommands, freePort, memoryVault, removeTempDirs, tempDir } from './stack-helpers';

let docker: Docker;
let registry: TestRegistry;
let command: string[];
let cfg: StackConfig;
let compose: GeneratedCompose;
let result: BringUpResult;
const project = uniqueProject('registry');
const vault = memoryVault({ 'vpn.openvpn.user': 'reg-user-51x', 'vpn.openvpn.password': 'reg-pass-9Qm2' });
const progress: ProgressEvent[] = [];
const refs: Record<string, string> = {};

beforeAll(async () => {
  docker = await requireDocker();
  [command] = (await composeCommands()).slice(-1) as [string[]];
  registry = await startRegistry();
  const services = ['vpn', 'plex', 'qbittorrent', 'prowlarr', 'radarr', 'sonarr', 'bazarr', 'seerr'];
  for (const s of services) {
    const ref = `${registry.host}/${project}/${s}:1.0`;
    refs[s] = ref;
    await execa('docker', ['tag', 'ups-standin/service:latest', ref]);
    await execa('docker', ['push', ref]);
    // Gone from the engine again: only the registry has it now, like a fresh PC.
    await execa('docker', ['rmi', ref]);
  }
  const root = await tempDir('registry');
  const ports = Object.fromEntries(
    await Promise.all(Object.keys(defaultPorts).map(async (p) => [p, await freePort()])),
  ) as Record<PortName, number>;
  const w = await writeStack(
    sampleConfigInput({
      installRoot: join(root, 'install'),
      dataRoot: join(root, 'data'),
      ports,
      services: { qbittorrent: true, nzbget: false },
      images: refs,
    }),
    { catalog: await loadCatalog(), vault },
  );
  if (!w.ok) throw new Error(JSON.stringify(w.errors));
  cfg = w.config;
  compose = w.generated.compose;
  await mkdir(cfg.dataRoot, { recursive: true });
  result = await bringUpStack(cfg, compose, {
    docker,
    composeCommand: command,
    hostEnv: inheritedHostEnv(process.env),
    project,
    vault,
    timeoutMs: 150_000,
    onProgress: (p) => progress.push(p),
  });
}, 300_000);

afterAll(async () => {
  if (cfg && command)
    await runStackCompose(
      { command, project, installRoot: cfg.installRoot, secretEnv: await secretEnvFor(vault, compose) },
      ['down', '-v', '--remove-orphans'],
    ).catch(() => undefined);
  for (const ref of Object.values(refs)) await execa('docker', ['rmi', '-f', ref], { reject: false });
  await registry?.stop();
  await removeTempDirs();
}, 120_000);

describe('images from a local registry', () => {
  it('pulls the missing images first, reporting it as a step', () => {
    const pull = progress.find((p) => p.step === 'pull');
    expect(pull?.message).toMatch(/Downloading \d+ image/);
    expect(progress.findIndex((p) => p.step === 'pull')).toBeLessThan(progress.findIndex((p) => p.step === 'data'));
  });

  it('runs every service healthy on exactly the overridden reference', async () => {
    expect(result.hardlink.ok).toBe(true);
    for (const s of result.health) {
      expect(`${s.service}:${s.state}:${s.health}`).toBe(`${s.service}:running:healthy`);
      const inspect = await docker.getContainer(s.id).inspect();
      expect(inspect.Config.Image).toBe(refs[s.service]);
    }
    expect(result.health.map((s) => s.service).sort()).toEqual(Object.keys(refs).sort());
  });
});
