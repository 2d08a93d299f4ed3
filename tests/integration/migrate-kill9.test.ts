// Kill -9 trials: `ups migrate` runs as a separate process (the built CLI), is killed at random points at least
// 20 times and resumed; after every kill no wrong file sits at a final name, and in the end the target is identical
// to the source by hash, the journal is consistent and no partial file is left.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../../src/core/migrate/journal';
import { findPartials } from '../../src/core/migrate/partials';
import { contentView, fingerprint, generateLibrary, sha256File } from '../helpers/library-generator';

const CLI = path.resolve('bin/ups.mjs');
const BUNDLE = path.resolve('dist/cli/ups.mjs');
const KILLS = 20;

let dir: string;
let src: string;
let nas: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  if (!existsSync(BUNDLE))
    throw new Error(`The built CLI is missing (${BUNDLE}): run \`npm run build:node\` first (npm test builds it).`);
  dir = await mkdtemp(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), 'ups-t-migrate-kill-'));
  src = path.join(dir, 'data');
  nas = path.join(dir, 'nas');
  // Large enough that 20 kills (each after at most ~one file + 20 ms of copying) cannot finish it early on fast disks.
  await generateLibrary(src, { largeBytes: 10 << 20, largeCount: 48, smallCount: 120 });
  await mkdir(nas);
  env = { ...process.env, UPS_MIGRATE_STATE_DIR: path.join(dir, 'state'), UPS_CONFIG_DIR: path.join(dir, 'config') };
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `ups migrate …`; with killAfter, SIGKILLs it that many ms after its first progress line (or after spawn). */
function ups(args: string[], kill?: { afterProgress: boolean; ms: number }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'migrate', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let armed = false;
    const arm = () => {
      if (armed || !kill) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), kill.ms);
    };
    if (kill && !kill.afterProgress) arm();
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (stderr.includes('progress:')) arm();
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function phase(): Promise<string> {
  const text = await readFile(path.join(dir, 'state', 'migration.json'), 'utf8').catch(() => '{}');
  return (JSON.parse(text) as { phase?: string }).phase ?? 'none';
}

/** Every file at its final name on the target is byte-identical to its source (partials are only ever temp names). */
let sourcePrint: Awaited<ReturnType<typeof fingerprint>> | undefined;
async function assertNoWrongFinalFile(): Promise<void> {
  const target = await fingerprint(nas);
  const source = (sourcePrint ??= await fingerprint(src));
  for (const [rel, e] of target) {
    if (e.kind !== 'file' || rel.split('/').pop()!.startsWith('.ups-')) continue;
    expect(e.sha256, `${rel} on the target differs from the source`).toBe(source.get(rel)?.sha256);
  }
}

describe('migrate survives kill -9', () => {
  it(`resumes after ${KILLS}+ random kills to a target identical to the source`, async () => {
    const plan = await ups(['plan', '--to', nas, '--from', src]);
    expect(plan.code, plan.stderr).toBe(0);
    let kills = 0;
    let trials = 0;
    let finished = false;
    while (!finished && trials < 120) {
      trials++;
      const verb = (await phase()) === 'planned' ? 'start' : 'resume';
      // Most kills land mid-copy (after the first progress line); some land during start-up, lock or journal open.
      const kill =
        kills < KILLS ? { afterProgress: Math.random() < 0.8, ms: Math.floor(Math.random() * 20) } : undefined;
      const r = await ups([verb], kill);
      if (r.signal === 'SIGKILL') {
        kills++;
        await assertNoWrongFinalFile();
        continue;
      }
      expect(r.code, `${verb} failed: ${r.stderr}`).toBe(0);
      finished = (await phase()) === 'verified';
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    expect(finished).toBe(true);
    expect(contentView(await fingerprint(nas))).toEqual(contentView(await fingerprint(src)));
    expect(await findPartials(nas)).toEqual([]);
    const journalFile = path.join(dir, 'state', 'journal.jsonl');
    const { state, goodBytes } = readJournal(journalFile);
    expect(goodBytes).toBe((await stat(journalFile)).size);
    expect(state.verified).toBe(true);
    for (const [rel, rec] of state.files) expect(await sha256File(path.join(nas, rel)), rel).toBe(rec.h);
    const status = await ups(['status', '--json']);
    expect(JSON.parse(status.stdout).value.phase).toBe('verified');
  }, 300_000);
});
