// The generated stack on the real engine with stand-in images tagged as the catalog's images: it comes up healthy,
// download clients share vpn's network namespace (and only they do), a stopped vpn cuts them off, the hardlink test
// passes on the real bind mount and explains separate mounts, and no vault secret lands in any file or log.
import { inheritedHostEnv } from '../../src/core/engine/compose/compose-runner';
import type Docker from 'dockerode';
import { execa } from 'execa';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defaultImages,
  defaultPorts,
  type PortName,
  type ProgressEvent,
  type StackConfig,
} from '../../src/core/contract';
import { bringUpStack, secretEnvFor, type BringUpResult } from '../../src/core/stack/bring-up';
import { loadCatalog } from '../../src/core/stack/catalog';
import { runTestCompose as runStackCompose } from '../helpers/compose';
import type { GeneratedCompose } from '../../src/core/stack/generate-compose';
import { runHardlinkTest } from '../../src/core/stack/hardlink-test';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { writeStack } from '../../src/core/stack/write-stack';
import { requireDocker, uniqueProject, tagStandInAs } from '../helpers/require-env';
import { composeCommands, freePort, memoryVault, removeTempDirs, snapshotTree, tempDir } from './stack-helpers';

let docker: Docker;
let project: string;
let root: string;
let cfg: StackConfig;
let compose: GeneratedCompose;
let command: string[];
let result: BringUpResult;
let upLog = '';
const vault = memoryVault({ 'vpn.openvpn.user': 'ovpn-user-7f3a9c', 'vpn.openvpn.password': 'ovpn-pass-Q8w2Zr5x' });
const extraContainers: string[] = [];
const progress: ProgressEvent[] = [];

async function exec(service: string, cmd: string[]): Promise<{ code: number; out: string }> {
  const id = result.health.find((s) => s.service === service)!.id;
  const e = await docker.getContainer(id).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await e.start({});
  const chunks: Buffer[] = [];
  stream.on('data', (b: Buffer) => chunks.push(b));
  await new Promise((r) => stream.on('end', r));
  const info = await e.inspect();
  return { code: info.ExitCode ?? -1, out: Buffer.concat(chunks).toString('utf8') };
}

beforeAll(async () => {
  docker = await requireDocker();
  [command] = (await composeCommands()).slice(-1) as [string[]];
  // The unchanged compose.yaml runs stand-ins under the real image names.
  await tagStandInAs(docker, Object.values(defaultImages));
  project = uniqueProject('stack');
  root = await tempDir('up');
  const ports = Object.fromEntries(
    await Promise.all(Object.keys(defaultPorts).map(async (p) => [p, await freePort()])),
  ) as Record<PortName, number>;
  const w = await writeStack(
    sampleConfigInput({ installRoot: join(root, 'install'), dataRoot: join(root, 'data'), ports }),
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
  const logs = await runStackCompose({ command, project, installRoot: cfg.installRoot, secretEnv: {} }, [
    'logs',
    '--no-color',
  ]);
  upLog = logs.stdout + logs.stderr;
}, 240_000);

afterAll(async () => {
  for (const id of extraContainers)
    await docker
      ?.getContainer(id)
      .remove({ force: true })
      .catch(() => undefined);
  if (cfg && command) {
    const secretEnv = await secretEnvFor(vault, compose);
    await runStackCompose({ command, project, installRoot: cfg.installRoot, secretEnv }, [
      'down',
      '-v',
      '--remove-orphans',
    ]);
  }
  await removeTempDirs();
}, 120_000);

describe('stack on the real engine', () => {
  it('brings every selected service up healthy', () => {
    expect(result.health.map((s) => s.service).sort()).toEqual([...compose.services].sort());
    for (const s of result.health) expect(`${s.service}:${s.state}:${s.health}`).toBe(`${s.service}:running:healthy`);
    expect(result.hardlink.ok).toBe(true);
    expect(result.seeded).toContain('qbittorrent-config/qBittorrent/qBittorrent.conf');
  });

  it('reports progress per step, ending with every service healthy (docs/decisions.md D13)', () => {
    const steps = progress.map((p) => p.step);
    expect(steps.slice(0, 3)).toEqual(['data', 'seed', 'up']);
    expect(new Set(progress.map((p) => p.operationId)).size).toBe(1);
    const last = progress.at(-1)!;
    expect(last).toMatchObject({
      step: 'healthy',
      current: last.total,
      message: `${compose.services.length} of ${compose.services.length} services healthy`,
    });
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.current).toBeGreaterThanOrEqual(progress[i - 1]!.current);
  });

  it('puts qBittorrent and NZBGet, and only them, in the vpn network namespace', async () => {
    const vpnId = result.health.find((s) => s.service === 'vpn')!.id;
    for (const s of result.health) {
      const mode = (await docker.getContainer(s.id).inspect()).HostConfig.NetworkMode;
      if (s.service === 'qbittorrent' || s.service === 'nzbget') expect(mode, s.service).toBe(`container:${vpnId}`);
      else expect(mode, s.service).not.toMatch(/^container:/);
    }
    // Same namespace, seen from inside: vpn's control server answers on the download clients' own loopback.
    expect((await exec('qbittorrent', ['wget', '-q', '-O', '-', 'http://127.0.0.1:8000/v1/vpn/status'])).out).toContain(
      'running',
    );
    expect((await exec('nzbget', ['wget', '-q', '-O', '-', 'http://127.0.0.1:8000/v1/vpn/status'])).code).toBe(0);
    expect((await exec('radarr', ['wget', '-q', '-O', '-', 'http://127.0.0.1:8000/v1/vpn/status'])).code).not.toBe(0);
    // Other containers reach the clients at host "vpn" (docs/decisions.md D6).
    expect((await exec('radarr', ['wget', '-q', '-O', '/dev/null', 'http://vpn:8080/'])).code).toBe(0);
    expect((await exec('radarr', ['wget', '-q', '-O', '/dev/null', 'http://vpn:6789/jsonrpc/version'])).code).toBe(0);
  });

  it('writes no vault secret into any file under the install root (backups included), the data tree or the logs', async () => {
    // A second write with one change, so the install root also holds a backup of the first.
    const again = await writeStack(
      {
        ...sampleConfigInput({ installRoot: cfg.installRoot, dataRoot: cfg.dataRoot, ports: cfg.ports }),
        timeZone: 'UTC',
      },
      { catalog: await loadCatalog(), vault },
    );
    expect(again.ok && again.report.backup).toBeTruthy();
    const values = [...vault.entries.values()];
    expect(values.length).toBeGreaterThanOrEqual(7);
    const files = { ...(await snapshotTree(cfg.installRoot)) };
    const texts = Object.entries(files).map(
      ([name, b64]) => [name, Buffer.from(b64, 'base64').toString('utf8')] as const,
    );
    expect(texts.map(([n]) => n)).toEqual(expect.arrayContaining(['stack.yml', 'compose.yaml', '.env']));
    expect(texts.some(([n]) => /^\.backups\/[^/]+\/\.env$/.test(n))).toBe(true);
    const data = Object.entries(await snapshotTree(cfg.dataRoot)).map(
      ([n, b]) => [n, Buffer.from(b, 'base64').toString('utf8')] as const,
    );
    for (const v of values) {
      for (const [name, text] of [...texts, ...data]) expect(text.includes(v), `${name} contains a secret`).toBe(false);
      expect(upLog.includes(v), 'compose logs contain a secret').toBe(false);
    }
    expect(await readFile(join(cfg.installRoot, '.env'), 'utf8')).not.toMatch(/^UPS_/m);
  });

  it('the hardlink test explains separate mounts for torrents and media', async () => {
    const a = join(root, 'split-torrents');
    const b = join(root, 'split-media');
    await mkdir(a, { recursive: true });
    await mkdir(b, { recursive: true });
    const r = await runHardlinkTest(docker, {
      image: cfg.images.radarr,
      mounts: [
        { source: a, target: '/data/torrents' },
        { source: b, target: '/data/media' },
      ],
      puid: cfg.puid,
      pgid: cfg.pgid,
    });
    expect(r.ok).toBe(false);
    expect(r.explanation).toMatch(/different mounts/);
    expect(r.fix).toMatch(/ONE folder on ONE drive/);
  });

  // Last: it stops vpn.
  it('cuts a download client off the stack network when vpn is stopped', async () => {
    const network = `${project}_default`;
    const probe = await docker.createContainer({
      Image: 'ups-standin/service:latest',
      name: `${project}-probe`,
      Env: ['STANDIN_PORTS=8080', 'STANDIN_NAME=probe'],
      HostConfig: { NetworkMode: network },
    });
    extraContainers.push(probe.id);
    await probe.start();
    const ip = (await probe.inspect()).NetworkSettings.Networks[network]!.IPAddress;
    const url = `http://${ip}:8080/status`;
    // Control: with vpn running the client reaches the server (stand-in vpn has no firewall), so the next failure is the vpn's absence.
    let reach = { code: 1, out: '' };
    for (let i = 0; i < 20 && reach.code !== 0; i++) {
      reach = await exec('qbittorrent', ['wget', '-q', '-O', '-', url]);
      if (reach.code !== 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(reach.out).toContain('probe');
    await execa('docker', ['stop', '-t', '5', result.health.find((s) => s.service === 'vpn')!.id]);
    const after = await exec('qbittorrent', ['wget', '-q', '-O', '-', url]);
    expect(after.code).not.toBe(0);
    expect(after.out).not.toContain('probe');
    expect((await exec('radarr', ['wget', '-q', '-O', '-', url])).out).toContain('probe');
  });
});
