// Group commit on real files: files that arrive while a batch is being committed are journaled together in the next
// batch (one write and fsync for them all), every record survives reopen, and a file whose folder cannot be fsynced
// is never journaled.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CommitQueue } from './commit-queue';
import { Journal } from './journal';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const rec = (p: string) => ({ k: 'file' as const, p, s: 1, m: 2, c: 3, h: 'ab' });

describe('CommitQueue', () => {
  it('journals files that arrive during a commit as one batch, all durable across reopen', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ups-commit-queue-'));
    const file = path.join(dir, 'journal.jsonl');
    const j = Journal.open(file, 'p1');
    const batches: number[] = [];
    const appendMany = j.appendMany.bind(j);
    j.appendMany = (rs) => {
      batches.push(rs.length);
      appendMany(rs);
    };
    const q = new CommitQueue(j);
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((p) => q.commit(path.join(dir, p), rec(p))));
    // The first starts a commit at once; the other four wait for it and go together.
    expect(batches).toEqual([1, 4]);
    j.close();
    const again = Journal.open(file, 'p1');
    expect([...again.state.files.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    again.close();
  });

  it('does not journal a file whose folder cannot be fsynced', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ups-commit-queue-'));
    const j = Journal.open(path.join(dir, 'journal.jsonl'), 'p1');
    const q = new CommitQueue(j);
    await expect(q.commit(path.join(dir, 'gone', 'x'), rec('gone/x'))).rejects.toMatchObject({ code: 'ENOENT' });
    await q.commit(path.join(dir, 'y'), rec('y'));
    expect([...j.state.files.keys()]).toEqual(['y']);
    j.close();
  });
});
