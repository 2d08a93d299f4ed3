// The switch of an installed, generated stack on the real engine (stand-ins tagged as the catalog's images, as in
// stack-bringup.test.ts): a switch whose apps then see a different number of files is switched back with stack.yml,
// compose.yaml and .env byte-identical and the containers on the local data again; the retried switch moves every
// /data mount to the target, records it in stack.yml, and regenerating from stack.yml gives the same compose.yaml.
import { inheritedHostEnv } from '../../src/core/engine/compose/compose-runner';
import type Docker from 'dockerode';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultImages, defaultPorts, type PortName, type StackConfig } from '../../src/core/contract';
import { UpsFailure } from '../../src/core/contract/envelope';
import type { ComposeTarget } from '../../src/core/engine/compose/compose-runner';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { composeStack } from '../../src/core/migrate/compose-stack';
import { dataMountHooks } from '../../src/core/app/handlers/migrate';
import { createMigrateService } from '../../src/core/migrate/migrate-service';
import { bringUpStack, secretEnvFor } from '../../src/core/stack/bring-up';
import { loadCatalog, type Catalog } from '../../src/core/stack/catalog';
import { runTestCompose as runStackCompose } from '../helpers/compose';
import type { GeneratedCompose } from '../../src/core/stack/generate-compose';
import { generateStack } from '../../src/core/stack/generate-stack';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { parseStackFile } from '../../src/core/install/stack-file';
import { writeStack } from '../../src/core/stack/write-stack';
import { contentView, fingerprint, generateLibrary } from '../helpers/library-generator';
import { requireDocker, uniqueProject, tagStandInAs } from '../helpers/require-env';
import { composeCommands, freePort, memoryVault, removeTempDirs, tempDir } from './stack-helpers';

let docker: Docker;
let catalog: Catalog;
let command: string[];
let project: string;
let cfg: StackConfig;
let compose: GeneratedCompose;
let secretEnv: Record<string, string>;
const vault = memoryVault({ 'vpn.openvpn.user': 'ovpn-user-mig', 'vpn.openvpn.password': 'ovpn-pass-mig' });
// arr.yml is in the set: the switch must leave the user's file exactly as it was.
const FILES = ['stack.yml', 'compose.yaml', '.env', 'arr.yml'];

beforeAll(async () => {
  docker = await requireDocker();
  [command] = (await composeCommands()).slice(-1) as [string[]];
  await tagStandInAs(docker, Object.values(defaultImages));
  catalog = await loadCatalog();
  project = uniqueProject('migstack');
  const root = await tempDir('migrate');
  const ports = Object.fromEntries(
    await Promise.all(Object.keys(defaultPorts).map(async (p) => [p, await freePort()])),
  ) as Record<PortName, number>;
  await generateLibrary(join(root, 'data'), { largeCount: 1, smallCount: 4 });
  const w = await writeStack(
    sampleConfigInput({ installRoot: join(root, 'install'), dataRoot: join(root, 'data'), ports }),
    { catalog, vault },
  );
  if (!w.ok) throw new Error(JSON.stringify(w.errors));
  cfg = w.config;
  compose = w.generated.compose;
  secretEnv = await secretEnvFor(vault, compose);
  await bringUpStack(cfg, compose, {
    docker,
    composeCommand: command,
    hostEnv: inheritedHostEnv(process.env),
    project,
    vault,
    timeoutMs: 150_000,
  });
}, 240_000);

afterAll(async () => {
  if (cfg && command)
    await runStackCompose({ command, project, installRoot: cfg.installRoot, secretEnv }, [
      'down',
      '-v',
      '--remove-orphans',
    ]);
  await removeTempDirs();
}, 120_000);

async function mountSource(service: string, containerPath: string): Promise<string | undefined> {
  const [c] = await docker.listContainers({
    filters: { label: [`com.docker.compose.project=${project}`, `com.docker.compose.service=${service}`] },
  });
  return (await docker.getContainer(c!.Id).inspect()).Mounts.find((m) => m.Destination === containerPath)?.Source;
}

const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(FILES.map(async (f) => [f, await readFile(join(cfg.installRoot, f), 'utf8')] as const)),
  );

describe('migrate switch of a generated stack on the real engine', () => {
  it('switches back byte for byte when counts differ, then switches for good and stays switched on regeneration', async () => {
    const nas = join(cfg.installRoot, '..', 'nas');
    await mkdir(nas);
    const composeFile = join(cfg.installRoot, 'compose.yaml');
    const target: ComposeTarget = {
      compose: { available: true, command },
      project,
      file: composeFile,
      secretEnv,
      hostEnv: inheritedHostEnv(process.env),
    };
    const endpoint = createDockerEndpoint(process.env);
    const svc = createMigrateService({
      stateDir: join(cfg.installRoot, '..', 'state'),
      platform: process.platform,
      dataRoot: async () => cfg.dataRoot,
      composeFile: async () => composeFile,
      stack: async () => composeStack({ target, docker, healthTimeoutMs: 150_000 }),
      hooks: async () => dataMountHooks({ endpoint, project }, await readFile(composeFile, 'utf8')),
      catalog: async () => catalog,
    });
    const before = await snapshot();
    await svc.plan({ to: nas });
    expect((await svc.start()).phase).toBe('verified');

    // An extra file only on the target: after the switch Plex would see one file more than before.
    const extra = join(nas, 'media', 'extra-only-on-target.txt');
    await writeFile(extra, 'x');
    const err = await svc.finish({}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error.message).toMatch(/switched back to the local data/);
    expect((err as UpsFailure).error.message).toMatch(/plex:\/data\/media sees \d+ items instead of \d+/);
    expect(await snapshot()).toEqual(before);
    expect(await mountSource('radarr', '/data')).toBe(cfg.dataRoot);
    expect(await mountSource('plex', '/data/media')).toBe(join(cfg.dataRoot, 'media'));

    await rm(extra);
    const st = await svc.finish({});
    expect(st.phase).toBe('switched');
    expect(await mountSource('radarr', '/data')).toBe(nas);
    expect(await mountSource('plex', '/data/media')).toBe(join(nas, 'media'));
    expect(await mountSource('qbittorrent', '/data/torrents')).toBe(join(nas, 'torrents'));
    const stack = parseStackFile(await readFile(join(cfg.installRoot, 'stack.yml'), 'utf8'));
    if (!stack.ok) throw new Error(JSON.stringify(stack.errors));
    expect(stack.value.nas).toEqual({ mode: 'everything', target: nas });
    const after = await snapshot();
    for (const f of generateStack(stack.value, catalog).files) expect(f.content, f.name).toBe(after[f.name]);
    expect(contentView(await fingerprint(cfg.dataRoot))).toEqual(contentView(await fingerprint(nas)));
  }, 600_000);
});
