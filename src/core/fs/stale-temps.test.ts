// A write of a file removes the temps an earlier crash left for that file, and only those: a young temp (a write in
// flight elsewhere) and other files' temps stay.
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';
import { isTempOf, removeStaleTemps, STALE_TEMP_MS } from './stale-temps';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ups-stale-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function plant(name: string, ageMs: number): Promise<void> {
  const file = join(dir, name);
  await writeFile(file, 'half written');
  const t = (Date.now() - ageMs) / 1000;
  await utimes(file, t, t);
}

describe('stale temps', () => {
  it('recognises only the temp names writeFileAtomic makes for that file', () => {
    const target = join(dir, 'vpn-watch.json');
    expect(isTempOf(target, '.vpn-watch.json.tmp-0123456789ab')).toBe(true);
    expect(isTempOf(target, '.vpn-watch.json.tmp-0123')).toBe(false);
    expect(isTempOf(target, '.other.json.tmp-0123456789ab')).toBe(false);
    expect(isTempOf(target, 'vpn-watch.json')).toBe(false);
  });

  it('a successful write removes its old temps and keeps young ones and other files’ temps', async () => {
    await plant('.history.json.tmp-aaaaaaaaaaaa', STALE_TEMP_MS + 60_000);
    await plant('.history.json.tmp-bbbbbbbbbbbb', 1_000);
    await plant('.wizard.json.tmp-cccccccccccc', STALE_TEMP_MS + 60_000);
    await writeFileAtomic(join(dir, 'history.json'), '[]\n');
    expect((await readdir(dir)).sort()).toEqual([
      '.history.json.tmp-bbbbbbbbbbbb',
      '.wizard.json.tmp-cccccccccccc',
      'history.json',
    ]);
  });

  it('answers what it removed and never throws on a missing folder', async () => {
    await plant('.a.json.tmp-dddddddddddd', STALE_TEMP_MS * 2);
    expect(await removeStaleTemps(join(dir, 'a.json'))).toEqual([join(dir, '.a.json.tmp-dddddddddddd')]);
    expect(await removeStaleTemps(join(dir, 'nope', 'a.json'))).toEqual([]);
  });
});
