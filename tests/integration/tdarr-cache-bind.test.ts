// Tdarr's transcode cache on the real engine (docs/decisions.md D34): the install's data step creates the tdarr-cache
// folder beside media through a one-shot container (so it works on a remote engine too), and the generated compose
// mounts exactly that host folder at /temp, so a file Tdarr writes there is on the share another PC's node mounts. An
// install from before the move gets the folder before a regenerated compose.yaml is applied (compose would refuse).
import type Docker from 'dockerode';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultImages, defaultPorts, type PortName, type StackConfig } from '../../src/core/contract';
import { prepareData, secretEnvFor } from '../../src/core/stack/bring-up';
import { ensureDataFolders } from '../../src/core/stack/data-folders';
import { loadCatalog } from '../../src/core/stack/catalog';
import type { GeneratedCompose } from '../../src/core/stack/generate-compose';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { writeStack } from '../../src/core/stack/write-stack';
import { runTestCompose } from '../helpers/compose';
import { requireDocker, tagStandInAs, uniqueProject } from '../helpers/require-env';
import { composeCommands, freePort, memoryVault, removeTempDirs, tempDir } from './stack-helpers';

let docker: Docker;
let command: string[];
let project: string;
let cfg: StackConfig;
let compose: GeneratedCompose;
const vault = memoryVault({ 'vpn.openvpn.user': 'ovpn-user-7f3a9c', 'vpn.openvpn.password': 'ovpn-pass-Q8w2Zr5x' });

const target = () => ({ command, project, installRoot: cfg.installRoot, secretEnv: {} as Record<string, string> });

beforeAll(async () => {
  docker = await requireDocker();
  [command] = (await composeCommands()).slice(-1) as [string[]];
  await tagStandInAs(docker, [defaultImages.tdarr, defaultImages.radarr]);
  project = uniqueProject('tdarrcache');
  const root = await tempDir('tdarrcache');
  const ports = Object.fromEntries(
    await Promise.all(Object.keys(defaultPorts).map(async (p) => [p, await freePort()])),
  ) as Record<PortName, number>;
  const w = await writeStack(
    sampleConfigInput({
      installRoot: join(root, 'install'),
      dataRoot: join(root, 'data'),
      ports,
      services: { qbittorrent: true, nzbget: false, tdarr: true },
    }),
    { catalog: await loadCatalog(), vault },
  );
  if (!w.ok) throw new Error(JSON.stringify(w.errors));
  cfg = w.config;
  compose = w.generated.compose;
}, 120_000);

afterAll(async () => {
  if (cfg && command)
    await runTestCompose({ ...target(), secretEnv: await secretEnvFor(vault, compose) }, [
      'down',
      '-v',
      '--remove-orphans',
    ]);
  await removeTempDirs();
}, 120_000);

describe("Tdarr's transcode cache on the media share", () => {
  it('the data step creates tdarr-cache beside media, owned by the stack user', async () => {
    const r = await prepareData(docker, cfg);
    expect(r.ok, r.detail).toBe(true);
    const cache = await stat(join(cfg.dataRoot, 'tdarr-cache'));
    expect(cache.isDirectory()).toBe(true);
    expect(`${cache.uid}:${cache.gid}`).toBe(`${cfg.puid}:${cfg.pgid}`);
    expect((await stat(join(cfg.dataRoot, 'media'))).dev).toBe(cache.dev);
  });

  it('compose mounts that folder at /temp: what Tdarr writes there is in the folder on the host', async () => {
    const secretEnv = await secretEnvFor(vault, compose);
    const up = await runTestCompose({ ...target(), secretEnv }, ['up', '-d', '--no-deps', 'tdarr']);
    expect(up.exitCode, up.stderr).toBe(0);
    const [c] = await docker.listContainers({
      all: true,
      filters: { label: [`com.docker.compose.project=${project}`, 'com.docker.compose.service=tdarr'] },
    });
    const info = await docker.getContainer(c!.Id).inspect();
    const temp = info.Mounts.find((m) => m.Destination === '/temp');
    expect(temp).toMatchObject({ Type: 'bind', Source: join(cfg.dataRoot, 'tdarr-cache') });
    // No named volume for the cache any more: only the server's own state is in volumes.
    expect(
      info.Mounts.filter((m) => m.Type === 'volume')
        .map((m) => m.Destination)
        .sort(),
    ).toEqual(['/app/configs', '/app/logs', '/app/server']);
    const exec = await docker.getContainer(c!.Id).exec({
      Cmd: ['sh', '-c', 'echo from-tdarr > /temp/Sample1-TdarrCacheFile-x.txt'],
      AttachStdout: true,
      AttachStderr: true,
    });
    const stream = await exec.start({});
    stream.resume();
    await new Promise((r) => stream.on('end', r));
    expect((await exec.inspect()).ExitCode).toBe(0);
    expect(await readFile(join(cfg.dataRoot, 'tdarr-cache', 'Sample1-TdarrCacheFile-x.txt'), 'utf8')).toBe(
      'from-tdarr\n',
    );
    await rm(join(cfg.dataRoot, 'tdarr-cache', 'Sample1-TdarrCacheFile-x.txt'), { force: true });
  });

  it('an install from before the cache moved gets the folder before a regenerated compose.yaml is applied', async () => {
    const secretEnv = await secretEnvFor(vault, compose);
    await runTestCompose({ ...target(), secretEnv }, ['rm', '-s', '-f', 'tdarr']);
    await rm(join(cfg.dataRoot, 'tdarr-cache'), { recursive: true, force: true });
    // What a settings change or an update would meet without it: compose refuses the missing bind source.
    const refused = await runTestCompose({ ...target(), secretEnv }, ['up', '-d', '--no-deps', 'tdarr']);
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toMatch(/bind source path does not exist/);
    await ensureDataFolders(docker, cfg, vault);
    expect((await stat(join(cfg.dataRoot, 'tdarr-cache'))).isDirectory()).toBe(true);
    const up = await runTestCompose({ ...target(), secretEnv }, ['up', '-d', '--no-deps', 'tdarr']);
    expect(up.exitCode, up.stderr).toBe(0);
  });

  it('leaves the data root alone when Tdarr is off or the library is on the NAS (the cache goes there)', async () => {
    await rm(join(cfg.dataRoot, 'tdarr-cache'), { recursive: true, force: true });
    const nas = await tempDir('tdarrcache-nas');
    await mkdir(join(nas, 'media'));
    await ensureDataFolders(
      docker,
      { ...cfg, services: { ...cfg.services, tdarr: false }, nas: { mode: 'media-only', target: nas } },
      vault,
    );
    await expect(stat(join(nas, 'tdarr-cache'))).rejects.toThrow(/ENOENT/);
    await ensureDataFolders(docker, { ...cfg, nas: { mode: 'media-only', target: nas } }, vault);
    await expect(stat(join(cfg.dataRoot, 'tdarr-cache'))).rejects.toThrow(/ENOENT/);
    expect((await stat(join(nas, 'tdarr-cache'))).isDirectory()).toBe(true);
  });

  it('a stack without Tdarr gets the rest of the layout but no Tdarr folder', async () => {
    await rm(join(cfg.dataRoot, 'tdarr-cache'), { recursive: true, force: true });
    const r = await prepareData(docker, { ...cfg, services: { ...cfg.services, tdarr: false } });
    expect(r.ok, r.detail).toBe(true);
    expect((await stat(join(cfg.dataRoot, 'media', 'movies'))).isDirectory()).toBe(true);
    await expect(stat(join(cfg.dataRoot, 'tdarr-cache'))).rejects.toThrow(/ENOENT/);
  });
});
