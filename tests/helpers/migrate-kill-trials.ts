// Kill -9 trials for the NAS migration (tests/integration/migrate-kill9.test.ts on a local folder,
// migrate-smb.test.ts on a real SMB share): `ups migrate` runs as a separate process (the built CLI), is killed at
// random points and resumed until verified; after every kill no wrong file sits at a final name, and in the end the
// target is identical to the source by hash, the journal is consistent and no partial file is left.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { readJournal } from '../../src/core/migrate/journal';
import { findPartials } from '../../src/core/migrate/partials';
import { contentView, fingerprint, generateLibrary, sha256File } from './library-generator';

const CLI = path.resolve('bin/ups.mjs');
const BUNDLE = path.resolve('dist/cli/ups.mjs');

export function requireBuiltCli(): void {
  if (!existsSync(BUNDLE))
    throw new Error(`The built CLI is missing (${BUNDLE}): run \`npm run build:node\` first (npm test builds it).`);
}

/** One trial's folders: the source library, the target, and the CLI's own state and config folders. */
export interface Trial {
  src: string;
  nas: string;
  work: string;
  env: NodeJS.ProcessEnv;
}

/** Generates the library under `<work>/data` and makes the (empty) target folder. */
export async function trialIn(
  work: string,
  target: string,
  library: Parameters<typeof generateLibrary>[1],
): Promise<Trial> {
  const src = path.join(work, 'data');
  await generateLibrary(src, library);
  await mkdir(target);
  const env = {
    ...process.env,
    UPS_MIGRATE_STATE_DIR: path.join(work, 'state'),
    UPS_CONFIG_DIR: path.join(work, 'config'),
  };
  return { src, nas: target, work, env };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `ups migrate …`; with killAfter, SIGKILLs it that many ms after its first progress line (or after spawn). */
function ups(t: Trial, args: string[], kill?: { afterProgress: boolean; ms: number }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'migrate', ...args], { env: t.env, stdio: ['ignore', 'pipe', 'pipe'] });
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

async function phase(t: Trial): Promise<string> {
  const text = await readFile(path.join(t.work, 'state', 'migration.json'), 'utf8').catch(() => '{}');
  return (JSON.parse(text) as { phase?: string }).phase ?? 'none';
}

/** Every file at its final name on the target is byte-identical to its source (partials are only ever temp names). */
async function assertNoWrongFinalFile(t: Trial, source: Awaited<ReturnType<typeof fingerprint>>): Promise<void> {
  const target = await fingerprint(t.nas);
  for (const [rel, e] of target) {
    if (e.kind !== 'file' || rel.split('/').pop()!.startsWith('.ups-')) continue;
    expect(e.sha256, `${rel} on the target differs from the source`).toBe(source.get(rel)?.sha256);
  }
}

/** Plans, then starts/resumes until verified, killing the first `kills` runs at random points. */
export async function killTrials(t: Trial, kills: number): Promise<void> {
  const plan = await ups(t, ['plan', '--to', t.nas, '--from', t.src]);
  expect(plan.code, plan.stderr).toBe(0);
  const source = await fingerprint(t.src);
  let killed = 0;
  let trials = 0;
  let finished = false;
  while (!finished && trials < 120) {
    trials++;
    const verb = (await phase(t)) === 'planned' ? 'start' : 'resume';
    // Most kills land mid-copy (after the first progress line); some land during start-up, lock or journal open.
    const kill =
      killed < kills ? { afterProgress: Math.random() < 0.8, ms: Math.floor(Math.random() * 20) } : undefined;
    const r = await ups(t, [verb], kill);
    if (r.signal === 'SIGKILL') {
      killed++;
      await assertNoWrongFinalFile(t, source);
      continue;
    }
    expect(r.code, `${verb} failed: ${r.stderr}`).toBe(0);
    finished = (await phase(t)) === 'verified';
  }
  expect(killed).toBeGreaterThanOrEqual(kills);
  expect(finished).toBe(true);
  expect(contentView(await fingerprint(t.nas))).toEqual(contentView(source));
  expect(await findPartials(t.nas)).toEqual([]);
  const journalFile = path.join(t.work, 'state', 'journal.jsonl');
  const { state, goodBytes } = readJournal(journalFile);
  expect(goodBytes).toBe((await stat(journalFile)).size);
  expect(state.verified).toBe(true);
  for (const [rel, rec] of state.files) expect(await sha256File(path.join(t.nas, rel)), rel).toBe(rec.h);
  const status = await ups(t, ['status', '--json']);
  expect(JSON.parse(status.stdout).value.phase).toBe('verified');
}
