// stack.settings.get/plan/update through the App service on a real install: a changed host port reaches exactly the
// service that owns it (compose recreates only that container), stack.yml and compose.yaml follow with the previous
// versions backed up, and invalid values (taken port, unknown zone) are refused by field with nothing written.
import type Docker from 'dockerode';
import { testAppDeps } from '../helpers/test-app';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { defaultImages, defaultPorts } from '../../src/core/contract';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import { requireDocker, requireSecretService, uniqueProject, tagStandInAs } from '../helpers/require-env';
import { composeDownTestStack, freePort, removeTempDirs, snapshotTree, tempDir } from './stack-helpers';

let docker: Docker;
let app: AppService;
let dir: string;
let installRoot: string | null = null;
const project = uniqueProject('settings');
const vault = createKeytarVault(`UPS settings test ${Math.random().toString(36).slice(2, 8)}`);

const containerIds = async () => {
  const list = await docker.listContainers({
    all: true,
    filters: { label: [`com.docker.compose.project=${project}`] },
  });
  return Object.fromEntries(list.map((c) => [c.Labels['com.docker.compose.service'], c.Id]));
};

beforeAll(async () => {
  requireSecretService();
  docker = await requireDocker();
  await tagStandInAs(docker, Object.values(defaultImages));
  dir = await tempDir('settings');
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
  await vault.set('vpn.openvpn.user', 'settings-user-71');
  await vault.set('vpn.openvpn.password', 'settings-pass-Zq9');
  const ports: Record<string, number> = {};
  for (const p of Object.keys(defaultPorts)) ports[p] = await freePort();
  const config = sampleConfigInput({
    installRoot: join(dir, 'install'),
    dataRoot: join(dir, 'data'),
    services: { qbittorrent: true, nzbget: false },
    ports,
  });
  const r = await app.handle('stack.install', { config, start: true });
  if (!r.ok) throw new Error(r.error.message);
  installRoot = join(dir, 'install');
}, 240_000);

afterAll(async () => {
  if (installRoot) await composeDownTestStack(project, installRoot);
  for (const name of ['vpn.openvpn.user', 'vpn.openvpn.password'] as const) await vault.delete(name).catch(() => false);
  delete process.env.UPS_CONFIG_DIR;
  await removeTempDirs();
}, 120_000);

describe('stack settings after install', () => {
  it('get answers the installed time zone and ports', async () => {
    const r = await app.call('stack.settings.get');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.timeZone).toBe('Europe/Berlin');
    expect(r.value.enabledPorts).toContain('radarr');
    expect(r.value.enabledPorts).not.toContain('nzbget');
  });

  it('refuses a port another service uses and an unknown zone, by field, writing nothing', async () => {
    const before = await snapshotTree(installRoot!);
    const s = await app.call('stack.settings.get');
    if (!s.ok) throw new Error(s.error.message);
    const taken = await app.handle('stack.settings.update', { ports: { radarr: s.value.ports.sonarr } });
    expect(taken).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(!taken.ok && /ports\.(radarr|sonarr)/.test(taken.error.field ?? '')).toBe(true);
    const zone = await app.handle('stack.settings.update', { timeZone: 'Mars/Olympus' });
    expect(zone).toMatchObject({ ok: false, error: { field: 'timeZone' } });
    const wrongType = await app.handle('stack.settings.update', { ports: { radarr: 'seven' } });
    expect(!wrongType.ok && wrongType.error.field).toBe('ports.radarr');
    expect(await snapshotTree(installRoot!)).toEqual(before);
  });

  it('moves radarr to a new host port: only radarr is recreated, files follow, previous versions kept', async () => {
    const before = await containerIds();
    const port = await freePort();
    // Asked first (the confirm's list), the core names exactly the service it then recreates, and writes nothing.
    const unchanged = await snapshotTree(installRoot!);
    const plan = await app.handle('stack.settings.plan', { ports: { radarr: port } });
    expect(plan).toMatchObject({ ok: true, value: { restart: ['radarr'] } });
    expect(await snapshotTree(installRoot!)).toEqual(unchanged);
    const r = await app.handle('stack.settings.update', { ports: { radarr: port } });
    if (!r.ok) throw new Error(r.error.message);
    const v = r.value as {
      written: string[];
      backup: string | null;
      applied: boolean;
      settings: { ports: { radarr: number } };
    };
    expect(v.applied).toBe(true);
    expect(v.settings.ports.radarr).toBe(port);
    expect(v.written).toEqual(expect.arrayContaining(['stack.yml']));
    expect(v.backup).not.toBeNull();
    expect(await readFile(join(installRoot!, 'stack.yml'), 'utf8')).toContain(`radarr: ${port}`);
    const after = await containerIds();
    expect(after.radarr).not.toBe(before.radarr);
    for (const s of ['plex', 'prowlarr', 'sonarr', 'vpn']) expect(after[s], s).toBe(before[s]);
    const inspect = await docker.getContainer(after.radarr!).inspect();
    const bindings = Object.values(inspect.HostConfig.PortBindings ?? {}).flat() as { HostPort: string }[];
    expect(bindings.map((b) => b.HostPort)).toContain(String(port));
    // Nothing changed: a second identical update writes nothing and recreates nothing.
    const again = await app.handle('stack.settings.update', { ports: { radarr: port } });
    expect(again).toMatchObject({ ok: true, value: { written: [], applied: false } });
    expect((await containerIds()).radarr).toBe(after.radarr);
  });

  it('publishes web UIs on 127.0.0.1 until LAN access is turned on; Plex and the VPN control server do not move', async () => {
    const hostIps = async () => {
      const out: Record<string, string[]> = {};
      for (const [svc, id] of Object.entries(await containerIds())) {
        const b = (await docker.getContainer(String(id)).inspect()).HostConfig.PortBindings ?? {};
        out[svc] = (Object.values(b).flat() as { HostIp: string }[]).map((x) => x.HostIp || '*');
      }
      return out;
    };
    const before = await hostIps();
    for (const svc of ['radarr', 'sonarr', 'prowlarr', 'bazarr', 'seerr'])
      expect(before[svc], svc).toEqual(['127.0.0.1']);
    // qBittorrent's web port and the control server are both published on vpn.
    expect(before.vpn!.sort()).toEqual(['127.0.0.1', '127.0.0.1']);
    expect(before.plex!.every((ip) => ip === '*' || ip === '0.0.0.0')).toBe(true);
    const status = await app.call('stack.status');
    if (!status.ok) throw new Error(status.error.message);
    const radarr = status.value.services.find((x) => x.service === 'radarr')!;
    expect(radarr.ports!.every((p) => p.startsWith('127.0.0.1:'))).toBe(true);

    const ids = await containerIds();
    const r = await app.handle('stack.settings.update', { lanAccess: true });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ applied: true, settings: { lanAccess: true } });
    expect(await readFile(join(installRoot!, 'stack.yml'), 'utf8')).toContain('lanAccess: true');
    const after = await hostIps();
    for (const svc of ['radarr', 'sonarr', 'prowlarr', 'bazarr', 'seerr'])
      expect(
        after[svc]!.every((ip) => ip === '*' || ip === '0.0.0.0'),
        svc,
      ).toBe(true);
    expect(after.vpn!.filter((ip) => ip === '127.0.0.1')).toHaveLength(1);
    expect((await containerIds()).plex).toBe(ids.plex);
    const back = await app.handle('stack.settings.update', { lanAccess: false });
    if (!back.ok) throw new Error(back.error.message);
    expect((await hostIps()).radarr).toEqual(['127.0.0.1']);
  });
});
