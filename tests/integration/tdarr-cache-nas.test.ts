// A stack whose library is on the NAS but whose NAS has no tdarr-cache folder (moved before docs/decisions.md D34, or
// with a hand-edited stack.yml), on the real engine: the regenerated compose.yaml mounts <NAS target>/tdarr-cache at
// /temp, so when the user changes Tdarr's workers in Settings, the settings use case makes the folder on the target
// through a one-shot container, owned by the stack user, before anything is written, and compose starts Tdarr instead
// of refusing the missing bind source; a target without its library (the share not mounted) stops the change with
// the folder named and nothing written. The share (CIFS) case cannot mount on this kernel (no cifs
// module): src/core/stack/nas-tdarr-cache.test.ts covers the engine calls it makes.
import type Docker from 'dockerode';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { defaultImages, defaultPorts } from '../../src/core/contract';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { validateStackConfig } from '../../src/core/install/validate-config';
import { prepareData } from '../../src/core/stack/bring-up';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import { requireDocker, requireSecretService, tagStandInAs, uniqueProject } from '../helpers/require-env';
import { testAppDeps } from '../helpers/test-app';
import { composeDownTestStack, freePort, removeTempDirs, snapshotTree, tempDir } from './stack-helpers';

let docker: Docker;
let app: AppService;
let dir: string;
let installRoot: string | null = null;
let nas: string;
let puid: number;
let pgid: number;
const project = uniqueProject('tdarrnas');
const vault = createKeytarVault(`UPS tdarr nas test ${Math.random().toString(36).slice(2, 8)}`);

const tdarrContainer = async () => {
  const [c] = await docker.listContainers({
    all: true,
    filters: { label: [`com.docker.compose.project=${project}`, 'com.docker.compose.service=tdarr'] },
  });
  return c ? docker.getContainer(c.Id).inspect() : null;
};

beforeAll(async () => {
  requireSecretService();
  docker = await requireDocker();
  await tagStandInAs(docker, Object.values(defaultImages));
  dir = await tempDir('tdarrnas');
  nas = join(dir, 'nas');
  await mkdir(nas);
  process.env.UPS_CONFIG_DIR = join(dir, 'cfg');
  app = createAppService(
    testAppDeps({
      version: 'test',
      platform: process.platform,
      arch: process.arch,
      door: 'cli',
      project,
      installRoot: async () => installRoot,
      endpoint: createDockerEndpoint(process.env),
      detectCompose: () => detectCompose(commandRunner(process.env)),
      vault,
    }),
  );
  await vault.set('vpn.openvpn.user', 'tdarrnas-user-38');
  await vault.set('vpn.openvpn.password', 'tdarrnas-pass-Vb7');
  const ports: Record<string, number> = {};
  for (const p of Object.keys(defaultPorts)) ports[p] = await freePort();
  // What "Migrate to NAS" before D34 left: stack.yml's nas block, media on the target, no tdarr-cache there.
  const config = sampleConfigInput({
    installRoot: join(dir, 'install'),
    dataRoot: join(dir, 'data'),
    services: { qbittorrent: true, nzbget: false, tdarr: true },
    ports,
    nas: { mode: 'media-only', target: nas },
  });
  const valid = validateStackConfig(config);
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  ({ puid, pgid } = valid.value);
  const r = await app.handle('stack.install', { config, start: false });
  if (!r.ok) throw new Error(r.error.message);
  installRoot = join(dir, 'install');
  // The install's data step (downloads stay on the data root in media-only mode).
  const data = await prepareData(docker, valid.value);
  if (!data.ok) throw new Error(data.detail);
}, 240_000);

afterAll(async () => {
  if (installRoot) await composeDownTestStack(project, installRoot);
  for (const name of ['vpn.openvpn.user', 'vpn.openvpn.password'] as const) await vault.delete(name).catch(() => false);
  delete process.env.UPS_CONFIG_DIR;
  await removeTempDirs();
}, 180_000);

// A change of Tdarr's internal node: compose recreates Tdarr, which mounts the NAS's tdarr-cache.
const moreWorkers = { tdarr: { internalNode: true, workers: { transcodeCpu: 2 } } };

describe("Tdarr's settings changed after the library moved to the NAS (a mounted folder)", () => {
  it('a target without its library stops the change with the folder named, before anything is written', async () => {
    const before = await snapshotTree(installRoot!);
    const r = await app.handle('stack.settings.update', moreWorkers);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'NOT_FOUND', field: 'nas.target' });
    expect(r.error.message).toContain(nas);
    expect(r.error.fix).toContain('Mount the NAS');
    expect(await snapshotTree(installRoot!)).toEqual(before);
    await expect(stat(join(nas, 'tdarr-cache'))).rejects.toThrow(/ENOENT/);
    expect(await tdarrContainer()).toBeNull();
  });

  it('makes tdarr-cache on the target, owned by the stack user, and compose starts Tdarr on it', async () => {
    await mkdir(join(nas, 'media'));
    const r = await app.handle('stack.settings.update', moreWorkers);
    if (!r.ok) throw new Error(`${r.error.message} ${r.error.fix ?? ''}`);
    expect(r.value).toMatchObject({ applied: true, settings: { tdarr: { workers: { transcodeCpu: 2 } } } });
    const cache = await stat(join(nas, 'tdarr-cache'));
    expect(cache.isDirectory()).toBe(true);
    expect(`${cache.uid}:${cache.gid}`).toBe(`${puid}:${pgid}`);
    // The cache follows media to the target (the data root keeps the one its install made, before the move).
    const tdarr = await tdarrContainer();
    expect(tdarr?.Mounts.find((m) => m.Destination === '/temp')).toMatchObject({
      Type: 'bind',
      Source: join(nas, 'tdarr-cache'),
    });
    expect(tdarr?.State.Running).toBe(true);
  });
});
