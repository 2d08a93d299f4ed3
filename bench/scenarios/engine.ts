// Engine metrics on the fixture stack (tests/fixtures/engine/compose.yaml) under a project of its own:
// `ups status --json` vs `docker ps --filter` (ratio), core stack.status with the mirror running, event→push latency
// at the core (container killed from outside → stack.status push received; p50/p95 over 20), and VPN recovery time
// after `docker restart vpn` (until the dependents share the new namespace). The control key lives in memory here:
// a bench is not a test of the vault and must run without a keyring.
import { execa } from 'execa';
import { testAppDeps } from '../../tests/helpers/test-app';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import type { PushEvent, StackStatus } from '../../src/core/contract';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { createDockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { projectContainers } from '../../src/core/engine/vpn-dependents';
import { netNamespace } from '../../src/core/engine/vpn-exec';
import type { SecretVault } from '../../src/core/vault/secret-vault';
import { tagCatalogImages } from '../../tests/fixtures/engine/harness';
import { median, percentile, round, type Metric } from '../metric';

const KEY = `bench-${Math.random().toString(36).slice(2)}`;
const memoryVault = (): SecretVault => ({
  backend: 'memory (bench)',
  set: async () => undefined,
  get: async (n) => (n === 'vpn.control.api_key' ? KEY : null),
  delete: async () => false,
});

async function until<T>(what: string, read: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function median15(file: string, args: string[], env: Record<string, string>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await execa(file, args, { stdin: 'ignore', env });
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

export async function engineScenario(): Promise<Metric[]> {
  const project = `ups-b-engine-${Math.random().toString(36).slice(2, 8)}`;
  const root = await mkdtemp(join(tmpdir(), `${project}-`));
  // Relative to the repo root (bench runs from there, bundled): import.meta.url would point into dist/.
  await copyFile(join(process.cwd(), 'tests/fixtures/engine/compose.yaml'), join(root, 'compose.yaml'));
  const endpoint = createDockerEndpoint(process.env);
  await tagCatalogImages(endpoint.docker);
  const app: AppService = createAppService(
    testAppDeps({
      version: 'bench',
      platform: process.platform,
      arch: process.arch,
      door: 'cli',
      project,
      installRoot: async () => root,
      endpoint,
      detectCompose: () => detectCompose(commandRunner(process.env)),
      vault: memoryVault(),
      engine: { vpnWatchIntervalMs: 0 },
    }),
  );
  const pushes: { at: number; status: StackStatus }[] = [];
  const off = app.subscribe(
    (e: PushEvent) => e.type === 'stack.status' && pushes.push({ at: performance.now(), status: e.status }),
  );
  const healthy = (s: StackStatus) =>
    s.services.length === 5 && s.services.every((x) => x.state === 'running' && x.health === 'healthy');
  try {
    const up = await app.call('stack.up', { services: [] });
    if (!up.ok) throw new Error(up.error.message);
    await until('stack healthy', () => (pushes.some((p) => healthy(p.status)) ? true : undefined));

    // Status: CLI process vs docker ps, and the core call served by the mirror.
    const env = { UPS_COMPOSE_PROJECT: project };
    const cli = await median15(process.execPath, ['bin/ups.mjs', 'status', '--json'], env);
    const ps = await median15('docker', ['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`], env);
    const calls: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await app.call('stack.status');
      calls.push(performance.now() - t0);
    }

    // Event → push: kill radarr from outside; latency = push received − the engine's own `die` event time (same
    // host clock), plus kill call → push as the end-to-end figure. Radarr is started again between samples.
    const dies: number[] = [];
    const events = (await endpoint.docker.getEvents({
      filters: { label: [`com.docker.compose.project=${project}`], event: ['die'] },
    })) as NodeJS.ReadableStream & { destroy(): void };
    events.on('data', (b: Buffer) => {
      for (const l of b.toString().split('\n').filter(Boolean))
        dies.push(Number((JSON.parse(l) as { timeNano: number }).timeNano) / 1e6);
    });
    const lat: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < 20; i++) {
      const radarr = (await projectContainers(endpoint.docker, project)).find((c) => c.service === 'radarr');
      if (!radarr) throw new Error('no radarr');
      const mark = pushes.length;
      const d0 = dies.length;
      const t0 = performance.now();
      await endpoint.docker.getContainer(radarr.id).kill();
      const hit = await until('kill pushed', () =>
        pushes.slice(mark).find((p) => p.status.services.find((s) => s.service === 'radarr')?.state === 'exited'),
      );
      const die = await until('die event', () => dies[d0]);
      lat.push(performance.timeOrigin + hit.at - die);
      total.push(hit.at - t0);
      const m2 = pushes.length;
      await endpoint.docker.getContainer(radarr.id).start();
      await until('radarr back', () =>
        pushes.slice(m2).find((p) => p.status.services.find((s) => s.service === 'radarr')?.state === 'running'),
      );
    }

    events.destroy();

    // VPN recovery: restart vpn from outside, time until both download clients share its new namespace.
    const before = await projectContainers(endpoint.docker, project);
    const vpn = before.find((c) => c.service === 'vpn');
    if (!vpn) throw new Error('no vpn');
    const oldIds = before.filter((c) => c.service === 'qbittorrent' || c.service === 'nzbget').map((c) => c.id);
    const t0 = performance.now();
    await endpoint.docker.getContainer(vpn.id).restart({ t: 2 });
    await until(
      'dependents recovered',
      async () => {
        const now = await projectContainers(endpoint.docker, project);
        const deps = now.filter(
          (c) => (c.service === 'qbittorrent' || c.service === 'nzbget') && c.running && !oldIds.includes(c.id),
        );
        if (deps.length !== 2) return undefined;
        const ns = await netNamespace(endpoint.docker, vpn.id);
        for (const d of deps) if ((await netNamespace(endpoint.docker, d.id).catch(() => '')) !== ns) return undefined;
        return true;
      },
      90_000,
    );
    const recovery = performance.now() - t0;

    return [
      {
        name: 'engine.cli_status_json.wall',
        value: round(cli),
        unit: 'ms',
        baseline: { name: 'docker ps -a --filter label=<project>', value: round(ps), ratio: round(cli / ps) },
        note: '5-container fixture stack, median of 15',
      },
      {
        name: 'engine.core_stack_status.mirrored',
        value: round(median(calls), 3),
        unit: 'ms',
        note: 'median of 50 calls with the status mirror running',
      },
      {
        name: 'engine.event_to_push.p50',
        value: round(median(lat), 2),
        unit: 'ms',
        goal: '≤ 20 ms at the core (p95)',
        note: "engine's die event time → stack.status push received, 20 kills from outside",
      },
      {
        name: 'engine.event_to_push.p95',
        value: round(percentile(lat, 95), 2),
        unit: 'ms',
        goal: '≤ 20 ms at the core',
      },
      {
        name: 'engine.kill_to_push.p50',
        value: round(median(total), 2),
        unit: 'ms',
        note: 'docker kill API call issued → push received (includes the engine stopping the container)',
      },
      {
        name: 'engine.vpn_recovery.after_restart',
        value: round(recovery),
        unit: 'ms',
        note: 'docker restart vpn → qbittorrent and nzbget recreated onto the new namespace',
      },
    ];
  } finally {
    off();
    await execa('docker-compose', ['-p', project, '-f', join(root, 'compose.yaml'), 'down', '--timeout', '2'], {
      env: { UPS_VPN_CONTROL_API_KEY: KEY },
      reject: false,
    });
    await rm(root, { recursive: true, force: true });
  }
}
