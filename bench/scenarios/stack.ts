// Stack metrics: generate + write the full stack (all services), and `up` until healthy through our path
// (the engine's compose runner + waitUntilHealthy)
// vs raw `docker-compose up -d` + polling `docker inspect` for health, on the same stand-in images in the same run.
import { inheritedHostEnv } from '../../src/core/engine/compose/compose-runner';
import Docker from 'dockerode';
import { execa } from 'execa';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultImages, defaultPorts, type PortName } from '../../src/core/contract';
import { composeUp } from '../../src/core/engine/compose/up';
import { dockerOptionsFor } from '../../src/core/engine/docker-endpoint';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { loadCatalog } from '../../src/core/stack/catalog';
import { dataFolders } from '../../src/core/stack/data-layout';
import { composeCommand } from '../../src/core/engine/compose/compose-target';
import { runTestCompose as runStackCompose } from '../../tests/helpers/compose';
import { prepareData, secretEnvFor } from '../../src/core/stack/bring-up';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { seedStackVolumes } from '../../src/core/stack/seed-stack';
import type { StackVault } from '../../src/core/stack/stack-secrets';
import { waitUntilHealthy } from '../../src/core/stack/wait-healthy';
import { writeStack } from '../../src/core/stack/write-stack';
import type { SecretName } from '../../src/core/contract/secret-names';
import { median, round, type Metric } from '../metric';

function memoryVault(): StackVault {
  const m = new Map<SecretName, string>([
    ['vpn.openvpn.user', 'bench-user'],
    ['vpn.openvpn.password', 'bench-pass'],
  ]);
  return { get: async (n) => m.get(n) ?? null, set: async (n, v) => void m.set(n, v) };
}

const allServices = {
  qbittorrent: true,
  nzbget: true,
  tdarr: true,
  proxy: { enabled: true, domain: 'media.example.com', acmeEmail: 'me@example.com' },
};

async function benchPorts(offset: number): Promise<Record<PortName, number>> {
  // High, run-specific ports: the engine is shared and the standard ports may be taken.
  const base = 20000 + offset + Math.floor(Math.random() * 200) * 20;
  return Object.fromEntries(Object.keys(defaultPorts).map((p, i) => [p, base + i])) as Record<PortName, number>;
}

async function rawWaitHealthy(project: string, count: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const ids = (await execa('docker', ['ps', '-q', '--filter', `label=com.docker.compose.project=${project}`])).stdout
      .split('\n')
      .filter(Boolean);
    if (ids.length === count) {
      const states = (await execa('docker', ['inspect', '--format', '{{.State.Health.Status}}', ...ids])).stdout.split(
        '\n',
      );
      if (states.every((s) => s === 'healthy')) return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`raw: ${project} not healthy in 600 s`);
}

export async function stackScenario(): Promise<Metric[]> {
  if (!process.env.DOCKER_HOST) throw new Error('DOCKER_HOST is not set: the stack bench needs the engine.');
  const docker = new Docker(dockerOptionsFor(process.env.DOCKER_HOST));
  const catalog = await loadCatalog();
  const command = composeCommand(await detectCompose(commandRunner(process.env)));
  const root = await mkdtemp(join(tmpdir(), 'ups-bench-stack-'));
  for (const ref of Object.values(defaultImages)) {
    await docker
      .getImage('ups-standin/service:latest')
      .tag({ repo: ref.slice(0, ref.lastIndexOf(':')), tag: ref.slice(ref.lastIndexOf(':') + 1) });
  }
  try {
    const writes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const r = await writeStack(
        sampleConfigInput({
          installRoot: join(root, `gen-${i}`),
          dataRoot: join(root, 'gen-data'),
          services: allServices,
        }),
        { catalog, vault: memoryVault() },
      );
      writes.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.errors[0]?.message);
    }

    const ours: number[] = [];
    const raw: number[] = [];
    const full: number[] = [];
    for (let run = 0; run < 2; run++) {
      for (const path of run % 2 === 0 ? (['ours', 'raw'] as const) : (['raw', 'ours'] as const)) {
        const project = `ups-bench-stack-${path}-${run}-${Math.random().toString(36).slice(2, 6)}`;
        const vault = memoryVault();
        const w = await writeStack(
          sampleConfigInput({
            installRoot: join(root, project),
            dataRoot: join(root, `${project}-data`),
            services: allServices,
            ports: await benchPorts(path === 'ours' ? 0 : 10),
          }),
          { catalog, vault },
        );
        if (!w.ok) throw new Error(w.errors[0]?.message);
        await mkdir(w.config.dataRoot, { recursive: true });
        const secretEnv = await secretEnvFor(vault, w.generated.compose);
        const target = { command, project, installRoot: w.config.installRoot, secretEnv };
        try {
          if (path === 'ours') {
            const t0 = performance.now();
            await prepareData(docker, w.config);
            await seedStackVolumes(docker, w.config, project, vault);
            const t1 = performance.now();
            await composeUp(
              {
                compose: { available: true, command },
                project,
                file: join(w.config.installRoot, 'compose.yaml'),
                secretEnv,
                hostEnv: inheritedHostEnv(process.env),
              },
              [],
            );
            await waitUntilHealthy(docker, project, w.generated.compose.services, 600_000);
            const t2 = performance.now();
            ours.push(t2 - t1);
            full.push(t2 - t0);
          } else {
            // Same starting point as ours after prepareData: the /data layout exists (created outside the timing).
            for (const d of dataFolders) await mkdir(join(w.config.dataRoot, d), { recursive: true });
            const t0 = performance.now();
            const [file, ...pre] = command as [string, ...string[]];
            await execa(file, [...pre, '-p', project, '-f', join(w.config.installRoot, 'compose.yaml'), 'up', '-d'], {
              env: { PATH: process.env.PATH ?? '', DOCKER_HOST: process.env.DOCKER_HOST, ...secretEnv },
              extendEnv: false,
              cwd: w.config.installRoot,
            });
            await rawWaitHealthy(project, w.generated.compose.services.length);
            raw.push(performance.now() - t0);
          }
        } finally {
          await runStackCompose(target, ['down', '-v', '--remove-orphans']);
        }
      }
    }
    const o = median(ours);
    const r = median(raw);
    return [
      {
        name: 'stack.generate_write.all_services',
        value: round(median(writes)),
        unit: 'ms',
        note: 'validate + generate + atomic write of stack.yml, compose.yaml, .env; median of 20',
      },
      {
        name: 'stack.up_until_healthy',
        value: round(o / 1000),
        unit: 's',
        baseline: {
          name: 'raw docker-compose up -d + docker inspect health polling',
          value: round(r / 1000),
          ratio: round(o / r, 3),
        },
        goal: 'ratio <= 1.10',
        note: `11 stand-in services, median of ${ours.length}`,
      },
      {
        name: 'stack.bring_up_full',
        value: round(median(full) / 1000),
        unit: 's',
        note: 'hardlink test + seed + up + healthy',
      },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
