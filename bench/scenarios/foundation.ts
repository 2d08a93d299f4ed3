// Foundation metrics: `ups status --json` vs raw `docker ps --filter`, core stack.status call time, idle RSS of `ups serve`.
import { execa } from 'execa';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createAppService } from '../../src/core/app/app-service';
import { defaultAppDeps } from '../../src/core/app/default-deps';
import { median, round, type Metric } from '../metric';

const RUNS = 15;

async function timeCommand(file: string, args: string[]): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await execa(file, args, { stdin: 'ignore' });
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

async function idleServeRssMiB(): Promise<number> {
  const child = spawn(process.execPath, ['bin/ups.mjs', 'serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => b.toString().includes('http://127.0.0.1:') && resolve());
      child.once('exit', () => reject(new Error('ups serve exited early')));
    });
    await new Promise((r) => setTimeout(r, 1500));
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  } finally {
    child.kill('SIGTERM');
  }
}

export async function foundationScenario(): Promise<Metric[]> {
  const ups = await timeCommand(process.execPath, ['bin/ups.mjs', 'status', '--json']);
  const dockerPs = await timeCommand('docker', ['ps', '-a', '--filter', 'label=com.docker.compose.project=ups']);
  const app = createAppService(defaultAppDeps({ version: 'bench', door: 'cli' }));
  await app.call('stack.status');
  const calls: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    const r = await app.call('stack.status');
    calls.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
  }
  return [
    {
      name: 'cli.status_json.wall',
      value: round(ups),
      unit: 'ms',
      baseline: {
        name: 'docker ps --filter label=com.docker.compose.project=ups',
        value: round(dockerPs),
        ratio: round(ups / dockerPs),
      },
    },
    { name: 'core.stack_status.call', value: round(median(calls), 3), unit: 'ms', note: 'median of 50 calls' },
    { name: 'serve.idle_rss', value: round(await idleServeRssMiB(), 1), unit: 'MiB' },
  ];
}
