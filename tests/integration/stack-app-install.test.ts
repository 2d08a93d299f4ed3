// stack.config.validate and stack.install through the App service (the wizard's path, docs/decisions.md D1): field-named
// errors with nothing written, then a real install on the engine with progress pushes, keyring as the vault.
import { readFile } from 'node:fs/promises';
import { testAppDeps } from '../helpers/test-app';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { defaultImages, defaultPorts, type ProgressEvent, type PushEvent } from '../../src/core/contract';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import { requireDocker, requireSecretService, uniqueProject, tagStandInAs } from '../helpers/require-env';
import { composeDownTestStack, freePort, removeTempDirs, snapshotTree, tempDir } from './stack-helpers';

let app: AppService;
let dir: string;
const project = uniqueProject('stack-app');
const vault = createKeytarVault(`UPS stack app test ${Math.random().toString(36).slice(2, 8)}`);
const events: PushEvent[] = [];
let config: ReturnType<typeof sampleConfigInput>;

beforeAll(async () => {
  requireSecretService();
  const docker = await requireDocker();
  await tagStandInAs(docker, Object.values(defaultImages));
  dir = await tempDir('app');
  // This file runs in its own worker process, so the variable cannot leak into other suites.
  process.env.UPS_CONFIG_DIR = join(dir, 'cfg');
  app = createAppService(
    testAppDeps({
      version: 'test',
      platform: process.platform,
      arch: process.arch,
      door: 'browser',
      project,
      installRoot: async () => null,
      endpoint: createDockerEndpoint(process.env),
      detectCompose: () => detectCompose(commandRunner(process.env)),
      vault,
    }),
  );
  app.subscribe((e) => events.push(e));
  const ports: Record<string, number> = {};
  for (const p of Object.keys(defaultPorts)) ports[p] = await freePort();
  config = sampleConfigInput({
    installRoot: join(dir, 'install'),
    dataRoot: join(dir, 'data'),
    services: { qbittorrent: true, nzbget: false },
    ports,
  });
}, 60_000);

afterAll(async () => {
  await composeDownTestStack(project, join(dir, 'install'));
  delete process.env.UPS_CONFIG_DIR;
  await removeTempDirs();
}, 120_000);

describe('stack calls through the App service', () => {
  it('stack.config.validate lists every problem by field', async () => {
    const r = await app.handle('stack.config.validate', {
      config: { ...config, timeZone: 'Nowhere/Land', ports: { radarr: 0 } },
    });
    expect(r.ok).toBe(true);
    const v = (r as { value: { valid: boolean; errors: { field: string }[] } }).value;
    expect(v.valid).toBe(false);
    expect(v.errors.map((e) => e.field).sort()).toEqual(['ports.radarr', 'timeZone']);
    // A valid config comes back parsed (defaults filled in), so a door can show or send exactly what was checked.
    const valid = await app.handle('stack.config.validate', { config });
    expect(valid).toMatchObject({ ok: true, value: { valid: true, errors: [] } });
    expect((valid as { value: { config: { installRoot: string } } }).value.config.installRoot).toBe(config.installRoot);
  });

  it('stack.install refuses an invalid config with the field named and writes nothing', async () => {
    const r = await app.handle('stack.install', {
      config: { ...config, vpn: { provider: 'nordvpm', type: 'openvpn' } },
      start: false,
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.field).toBe('vpn.provider');
    expect(await snapshotTree(join(dir, 'install'))).toEqual({});
  });

  it('stack.install refuses while the VPN credentials are missing from the vault', async () => {
    const r = await app.handle('stack.install', { config, start: false });
    expect(!r.ok && r.error.field).toBe('secrets.vpn.openvpn.user');
    expect(!r.ok && r.error.message).toContain('and 1 more: secrets.vpn.openvpn.password');
  });

  it('stack.install writes, starts, pushes progress and records the install', async () => {
    expect((await app.handle('secrets.set', { name: 'vpn.openvpn.user', value: 'app-user-1' })).ok).toBe(true);
    expect((await app.handle('secrets.set', { name: 'vpn.openvpn.password', value: 'app-pass-Zq9x' })).ok).toBe(true);
    // The caller's operationId tags every progress push of this install (the wizard follows its own bars by it).
    // The wizard's quality choice rides along and lands in arr.yml (Radarr, Sonarr, and through them Seerr).
    const r = await app.handle('stack.install', {
      config,
      start: true,
      operationId: 'install-test-1',
      qualityPreset: '4K',
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const v = (r as { value: { started: boolean; services: string[]; written: string[]; hardlink: { ok: boolean } } })
      .value;
    expect(v).toMatchObject({
      started: true,
      written: ['stack.yml', 'compose.yaml', '.env', 'arr.yml'],
      hardlink: { ok: true },
    });
    const arr = await readFile(join(dir, 'install', 'arr.yml'), 'utf8');
    expect(arr.match(/^ {4}preset: .*$/gm)).toEqual(['    preset: 4K', '    preset: 4K']);
    expect(v.services).toEqual(['vpn', 'plex', 'qbittorrent', 'prowlarr', 'radarr', 'sonarr', 'bazarr', 'seerr']);
    const progress = events
      .filter((e): e is { type: 'progress'; progress: ProgressEvent } => e.type === 'progress')
      .map((e) => e.progress);
    expect(progress.map((p) => p.step).slice(0, 3)).toEqual(['data', 'seed', 'up']);
    expect(progress.at(-1)!.message).toBe('8 of 8 services healthy');
    expect(new Set(progress.map((p) => p.operationId))).toEqual(new Set(['install-test-1']));
    expect(JSON.parse(await readFile(join(dir, 'cfg', 'install.json'), 'utf8'))).toEqual({
      installRoot: join(dir, 'install'),
    });
    expect(JSON.stringify(events)).not.toContain('app-pass-Zq9x');
  });
});
