// CLI start-up: `ups status --json` against `docker ps --filter label=com.docker.compose.project=…` on the same engine,
// interleaved run by run (so load on a shared machine hits both alike), median of each; goal ≤ 3× docker ps. Bare
// `node -e 0` and `ups --version` are printed beside it: they show how much of the figure is Node's own start-up.
import { execa } from 'execa';
import { median, round, type Metric } from '../metric';

const RUNS = 21;
const WARMUP = 2;

async function wall(file: string, args: string[]): Promise<number> {
  const t0 = performance.now();
  const r = await execa(file, args, { stdin: 'ignore', reject: false });
  const ms = performance.now() - t0;
  if (r.exitCode !== 0)
    throw new Error(`${file} ${args.join(' ')} exited ${r.exitCode}: ${String(r.stderr).split('\n')[0]}`);
  return ms;
}

export async function cliStartupScenario(): Promise<Metric[]> {
  if (!process.env.DOCKER_HOST)
    throw new Error('DOCKER_HOST is not set: run through `npm run bench`, which starts the engine.');
  const project = process.env.UPS_COMPOSE_PROJECT ?? 'ups';
  const commands: Record<string, [string, string[]]> = {
    ups: [process.execPath, ['bin/ups.mjs', 'status', '--json']],
    docker: ['docker', ['ps', '--filter', `label=com.docker.compose.project=${project}`]],
    node: [process.execPath, ['-e', '0']],
    version: [process.execPath, ['bin/ups.mjs', '--version']],
  };
  const samples: Record<string, number[]> = { ups: [], docker: [], node: [], version: [] };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const [name, [file, args]] of Object.entries(commands)) {
      const ms = await wall(file, args);
      if (i >= WARMUP) samples[name]!.push(ms);
    }
  }
  const [ups, docker, node, version] = (['ups', 'docker', 'node', 'version'] as const).map((n) => median(samples[n]!));
  return [
    {
      name: 'cli.startup.status_json',
      value: round(ups!),
      unit: 'ms',
      baseline: {
        name: `docker ps --filter label=com.docker.compose.project=${project}`,
        value: round(docker!),
        ratio: round(ups! / docker!),
      },
      goal: '≤ 3× docker ps',
      note: `median of ${RUNS} interleaved runs after ${WARMUP} warm-up; node ${process.version}; bare \`node -e 0\` ${round(node!)} ms (${round(node! / docker!)}×); \`ups --version\` ${round(version!)} ms`,
    },
  ];
}
