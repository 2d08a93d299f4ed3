// The migration's state folder as a new plan sees it: a damaged record or journal is read as "none", and kept aside
// (renamed, never deleted) only when the plan is made; a sound one is left alone.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UpsFailure } from '../contract';
import { loadRecord, previousState, stateFiles } from './state-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ups-migrate-state-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('previousState', () => {
  it('reads a damaged record as none and keeps it and a damaged journal aside when asked', async () => {
    await writeFile(stateFiles(dir).record, '{"plan": ');
    await writeFile(stateFiles(dir).journal, '{"k":"begin","plan":"p1"}\ngarbage\n');
    await expect(loadRecord(dir)).rejects.toBeInstanceOf(UpsFailure);
    const prev = await previousState(dir);
    expect(prev.record).toBeNull();
    // Nothing is moved until the new plan is made.
    expect((await readdir(dir)).sort()).toEqual(['journal.jsonl', 'migration.json']);
    const moved = await prev.setAsideDamaged();
    expect(moved).toHaveLength(2);
    const names = await readdir(dir);
    expect(names.filter((n) => n.startsWith('migration.json.corrupt-'))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith('journal.jsonl.corrupt-'))).toHaveLength(1);
    expect(await readFile(moved[0]!, 'utf8')).toBe('{"plan": ');
  });

  it('a folder in the place of the journal is kept aside as well', async () => {
    await mkdir(stateFiles(dir).journal);
    const prev = await previousState(dir);
    expect(await prev.setAsideDamaged()).toEqual([expect.stringMatching(/journal\.jsonl\.corrupt-/)]);
  });

  it('leaves a missing or sound state alone', async () => {
    const prev = await previousState(dir);
    expect(prev.record).toBeNull();
    expect(await prev.setAsideDamaged()).toEqual([]);
    await writeFile(stateFiles(dir).journal, '{"k":"begin","plan":"p1"}\n{"k":"file","p":"ha');
    expect(await (await previousState(dir)).setAsideDamaged()).toEqual([]);
  });
});
