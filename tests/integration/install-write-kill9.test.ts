// kill -9 at random points while a child process writes stack file sets through the real writer (install: stack.yml,
// compose.yaml, .env and the install pointer moving between two folders; settings updates: one folder). After every
// kill the set, as the app reads it, is exactly one generation (never files of two), and a re-run converges with no
// leftovers: no temp files, no write record, no lock, no unfinished backup, .backups pruned (docs/decisions.md D30).
import { build } from 'esbuild';
import { execa } from 'execa';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleInterruptedWrite, WRITE_LOCK, WRITE_RECORD } from '../../src/core/fs/install-writer';
import { validateStackConfig } from '../../src/core/install/validate-config';
import { installPointerFile, readInstallRoot } from '../../src/core/profile/user-profile';
import { catalogDir, loadCatalog, type Catalog } from '../../src/core/stack/catalog';
import { generateStack } from '../../src/core/stack/generate-stack';
import { writeStack } from '../../src/core/stack/write-stack';
import { memoryVault, TRIAL_ZONES, trialConfig, type TrialMode } from '../helpers/install-write-trials';
import { removeTempDirs, tempDir } from './stack-helpers';

const TRIALS_PER_MODE = 30; // 60 in all
// The first write of a fresh process takes ~300 ms, later ones 20-80 ms: the kill comes 0-60 ms into a later write.
const MAX_DELAY_MS = 60;
const SET = ['stack.yml', 'compose.yaml', '.env'];

let work: string;
let child: string;
let catalog: Catalog;

beforeAll(async () => {
  work = await tempDir('kill9');
  child = join(work, 'install-write-child.mjs');
  // One self-contained file (zod and yaml inlined) so the child starts fast and resolves nothing from the temp folder.
  await build({
    entryPoints: [join(import.meta.dirname, '..', 'helpers', 'install-write-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: child,
    logLevel: 'warning',
    // yaml's CommonJS build calls require('process'): give the ESM bundle a require, as scripts/build-node.mjs does.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  catalog = await loadCatalog();
}, 60_000);
afterAll(removeTempDirs);

/** A small seeded generator: a failing run can be repeated with the same delays (the seed is in the test name). */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every generation the trials can write into `root`: file name → content, keyed by zone. */
function generationsOf(mode: TrialMode, base: string, root: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (let i = 0; i < TRIAL_ZONES.length * 2; i++) {
    const input = trialConfig(mode, base, i);
    if (input.installRoot !== root) continue;
    const v = validateStackConfig(input);
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    out.set(
      v.value.timeZone,
      Object.fromEntries(generateStack(v.value, catalog).files.map((f) => [f.name, f.content])),
    );
  }
  return out;
}

async function readSet(root: string): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const name of SET) out[name] = await readFile(join(root, name), 'utf8').catch(() => null);
  return out;
}

/** 'none' (nothing written yet), the zone of the one generation the set is, or 'mixed'. */
function generationOf(set: Record<string, string | null>, gens: Map<string, Record<string, string>>): string {
  if (SET.every((n) => set[n] === null)) return 'none';
  for (const [zone, files] of gens) if (SET.every((n) => set[n] === files[n])) return zone;
  return 'mixed';
}

async function leftovers(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const backups = await readdir(join(dir, '.backups')).catch(() => [] as string[]);
  return [
    ...names.filter((n) => /\.tmp-/.test(n) || n === WRITE_RECORD || n === WRITE_LOCK),
    ...backups.filter((n) => n.endsWith('.partial')).map((n) => `.backups/${n}`),
  ];
}

async function killDuringWrites(
  mode: TrialMode,
  base: string,
  configDir: string,
  first: number,
  nthWrite: number,
  delayMs: number,
) {
  const p = execa(process.execPath, [child, mode, base, configDir, catalogDir(), String(first)], {
    reject: false,
    stdin: 'ignore',
    buffer: { stdout: false },
  });
  await new Promise<void>((resolve, reject) => {
    let marks = 0;
    p.stdout!.on('data', (b: Buffer) => {
      marks += b.toString().split('w\n').length - 1;
      if (marks >= nthWrite) resolve();
    });
    void p.then((r) => reject(new Error(`child ended before it was killed: ${String(r.stderr)}`)));
  });
  await new Promise((r) => setTimeout(r, delayMs));
  p.kill('SIGKILL');
  const r = await p;
  expect(r.signal, String(r.stderr)).toBe('SIGKILL');
}

describe.each(['install', 'settings'] as const)('kill -9 during %s writes', (mode) => {
  const seed = mode === 'install' ? 17 : 71;
  it(`${TRIALS_PER_MODE} random kills leave one generation, and a re-run converges (seed ${seed})`, async () => {
    const base = await tempDir(`kill9-${mode}`);
    const configDir = join(base, 'profile');
    const roots = [join(base, 'r1'), ...(mode === 'install' ? [join(base, 'r2')] : [])];
    const gens = new Map(roots.map((r) => [r, generationsOf(mode, base, r)]));
    const rand = prng(seed);
    let interrupted = 0;
    let inWrite = 0;
    for (let trial = 0; trial < TRIALS_PER_MODE; trial++) {
      const first = Math.floor(rand() * 6);
      const nth = 2 + Math.floor(rand() * 3);
      await killDuringWrites(mode, base, configDir, first, nth, Math.floor(rand() * MAX_DELAY_MS));
      const traces = (await Promise.all(roots.map(leftovers))).flat();
      if (traces.length > 0) inWrite++;
      if (traces.includes(WRITE_RECORD)) interrupted++;

      // What the app reads after the crash: the pointer (settling its folder), then each folder's set.
      const pointed = mode === 'install' ? await readInstallRoot(configDir) : null;
      for (const root of roots) {
        await settleInterruptedWrite(root);
        const g = generationOf(await readSet(root), gens.get(root)!);
        expect(g, `trial ${trial}: ${root} after the kill`).not.toBe('mixed');
        if (root === pointed) expect(g, `trial ${trial}: the pointer names a folder with no set`).not.toBe('none');
      }

      // The re-run (the next write, as a user installing again or changing a setting) finishes cleanly.
      const again = trialConfig(mode, base, first + nth);
      const w = await writeStack(again, {
        catalog,
        vault: memoryVault(),
        ...(mode === 'install' ? { configDir } : {}),
      });
      expect(w.ok, JSON.stringify(!w.ok && w.errors)).toBe(true);
      const root = again.installRoot;
      expect(generationOf(await readSet(root), gens.get(root)!)).toBe(again.timeZone);
      if (mode === 'install') {
        expect(await readInstallRoot(configDir)).toBe(root);
        expect(JSON.parse(await readFile(installPointerFile(configDir), 'utf8'))).toEqual({ installRoot: root });
        expect(await leftovers(configDir), `trial ${trial}`).toEqual([]);
      }
      expect(await leftovers(root), `trial ${trial}`).toEqual([]);
      expect((await readdir(join(root, '.backups')).catch(() => [])).length).toBeLessThanOrEqual(4);
    }
    // The kills did land inside writes (a lock, temp, record or unfinished backup was left behind), and some of them
    // after the write record, so the rollback path was exercised.
    console.info(
      `${mode}: ${inWrite} of ${TRIALS_PER_MODE} kills inside a write, ${interrupted} left one to roll back`,
    );
    // (Observed: about half to two thirds of the kills land while the lock is held; the rest during validation.)
    expect(inWrite).toBeGreaterThanOrEqual(TRIALS_PER_MODE / 5);
    expect(interrupted).toBeGreaterThan(0);
  }, 240_000);
});
