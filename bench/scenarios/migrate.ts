// Migration metrics: copy + verify throughput vs `cp -a` of the same 2 GiB tree on the same disk in the same run
// (goal ≥ 0.8×), and the bytes re-copied after a kill -9 of `ups migrate start` and a resume (goal: at most the files
// in flight, copier.ts STREAMS). The comparison with rsync on a local folder and SMB is migrate-rsync.ts.
import { execa } from 'execa';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCopy, STREAMS } from '../../src/core/migrate/copier';
import { PART_PREFIX } from '../../src/core/migrate/copy-file';
import { Journal, readJournal } from '../../src/core/migrate/journal';
import { MARKER } from '../../src/core/migrate/target-check';
import { median, round, type Metric } from '../metric';

const FILE = 128 << 20;

async function makeTree(root: string, files: number, size: number): Promise<number> {
  const block = randomBytes(size);
  for (let i = 0; i < files; i++) {
    const d = path.join(root, 'media', 'movies', `Film ${i}`);
    await mkdir(d, { recursive: true });
    block.writeUInt32LE(i, 0); // distinct content per file
    await writeFile(path.join(d, `Film ${i}.mkv`), block);
  }
  return files * size;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

const ROUNDS = 3;

/** Alternates cp -a and our copy ROUNDS times on the same tree and reports medians (the disk is shared and noisy). */
async function throughput(dir: string): Promise<Metric[]> {
  const src = path.join(dir, 'src');
  const bytes = await makeTree(src, 16, FILE);
  const cp: number[] = [];
  const cpSync: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const cpDir = path.join(dir, `cp${round}`);
    const c = await timed(() => execa('cp', ['-a', src, cpDir]));
    cp.push(c);
    cpSync.push(c + (await timed(() => execa('sync', ['-f', cpDir]))));
    await rm(cpDir, { recursive: true, force: true });
    const dst = path.join(dir, `ups${round}`);
    await mkdir(dst);
    await writeFile(path.join(dst, MARKER), 'bench\n');
    const journal = Journal.open(path.join(dir, `journal${round}.jsonl`), 'bench');
    // targetDev 0 skips the device check: the bench target is a plain folder.
    ours.push(
      await timed(() => runCopy({ source: src, target: dst, sub: '', hardlinks: true, targetDev: 0, journal })),
    );
    journal.close();
    await rm(dst, { recursive: true, force: true });
  }
  await rm(src, { recursive: true, force: true });
  const mibps = (s: number) => round(bytes / 2 ** 20 / s, 1);
  const [c, cs, u] = [median(cp), median(cpSync), median(ours)];
  return [
    {
      name: 'migrate.copy_verify_throughput',
      value: mibps(u),
      unit: 'MiB/s',
      baseline: { name: 'cp -a', value: mibps(c), ratio: round(c / u) },
      goal: '≥ 0.8× cp -a',
      note: `median of ${ROUNDS} alternating runs, 2 GiB (16 × 128 MiB), same disk; ours hashes, fsyncs each file and reads it back`,
    },
    {
      name: 'migrate.copy_verify_vs_cp_sync',
      value: mibps(u),
      unit: 'MiB/s',
      baseline: { name: 'cp -a + sync -f', value: mibps(cs), ratio: round(cs / u) },
      note: 'same bytes durably on disk for both',
    },
  ];
}

async function recopyAfterKill(dir: string): Promise<Metric[]> {
  const src = path.join(dir, 'ksrc');
  const dst = path.join(dir, 'kdst');
  const size = 32 << 20;
  const total = await makeTree(src, 12, size);
  await mkdir(dst);
  const env = {
    ...process.env,
    UPS_MIGRATE_STATE_DIR: path.join(dir, 'kstate'),
    UPS_CONFIG_DIR: path.join(dir, 'kconfig'),
  };
  await execa(process.execPath, ['bin/ups.mjs', 'migrate', 'plan', '--to', dst, '--from', src], { env });
  await new Promise<void>((resolve) => {
    const child = spawn(process.execPath, ['bin/ups.mjs', 'migrate', 'start'], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
      // Kill once about half the library is reported copied.
      const m = /([\d.]+) MiB of ([\d.]+) MiB/.exec(err.split('\n').filter(Boolean).at(-1) ?? '');
      if (m && Number(m[1]) >= Number(m[2]) / 2) child.kill('SIGKILL');
    });
    child.on('exit', () => resolve());
  });
  const { state } = readJournal(path.join(env.UPS_MIGRATE_STATE_DIR, 'journal.jsonl'));
  let wasted = 0;
  const walk = async (d: string, rel: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(full, r);
      else if (e.name.startsWith(PART_PREFIX) || (e.name !== MARKER && !state.files.has(r)))
        wasted += (await stat(full)).size;
    }
  };
  await walk(dst, '');
  const resumed = await execa(process.execPath, ['bin/ups.mjs', 'migrate', 'resume', '--json'], { env, reject: false });
  const phase = (JSON.parse(resumed.stdout || '{}') as { value?: { phase?: string } }).value?.phase;
  return [
    {
      name: 'migrate.kill9_recopied_bytes',
      value: wasted,
      unit: 'bytes',
      goal: `≤ the ${STREAMS} files in flight (${STREAMS * size} bytes)`,
      note: `killed at ~50% of ${total} bytes; ${state.files.size} files were journaled; resume ended ${phase}`,
    },
  ];
}

export async function migrateScenario(): Promise<Metric[]> {
  const dir = await mkdtemp(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), 'ups-bench-migrate-'));
  try {
    return [...(await throughput(dir)), ...(await recopyAfterKill(dir))];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
