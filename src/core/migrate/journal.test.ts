// The journal on a real file: records survive reopen, a torn last line is cut off (never trusted), another plan starts fresh.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal, readJournal } from './journal';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'ups-journal-'));
  dirs.push(d);
  return path.join(d, 'journal.jsonl');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const rec = (p: string) => ({ k: 'file' as const, p, s: 1, m: 2, c: 3, h: 'ab' });

describe('journal', () => {
  it('keeps appended records across reopen for the same plan', () => {
    const f = tmp();
    const j = Journal.open(f, 'p1');
    j.append(rec('a'));
    j.append({ k: 'link', p: 'b', to: 'a' });
    j.close();
    const again = Journal.open(f, 'p1');
    expect([...again.state.files.keys()]).toEqual(['a']);
    expect(again.state.links.get('b')).toBe('a');
    again.close();
  });

  it('cuts a torn tail on open so the next append starts on a clean line', () => {
    const f = tmp();
    const j = Journal.open(f, 'p1');
    j.append(rec('a'));
    j.close();
    appendFileSync(f, '{"k":"file","p":"half-writ');
    expect(readJournal(f).state.files.has('half-writ')).toBe(false);
    const j2 = Journal.open(f, 'p1');
    j2.append(rec('c'));
    j2.close();
    const { state, goodBytes } = readJournal(f);
    expect([...state.files.keys()]).toEqual(['a', 'c']);
    expect(goodBytes).toBe(readFileSync(f).length);
  });

  it('stops at a corrupt line and starts fresh for another plan', () => {
    const f = tmp();
    const j = Journal.open(f, 'p1');
    j.append(rec('a'));
    j.close();
    appendFileSync(f, 'garbage\n{"k":"file","p":"after","s":1,"m":2,"c":3,"h":"x"}\n');
    expect([...readJournal(f).state.files.keys()]).toEqual(['a']);
    expect(readJournal(f).damagedLine).toBe(3);
    // The same plan's journal is damaged: reported with the path and line, never cut away silently.
    expect(() => Journal.open(f, 'p1')).toThrow(/journal\.jsonl\) is damaged: line 3 is not a journal record/);
    const other = Journal.open(f, 'p2');
    expect(other.state.files.size).toBe(0);
    other.close();
    expect(readJournal(f).state.planId).toBe('p2');
  });

  it('marks the journal unverified again when a file is recorded after verification', () => {
    const f = tmp();
    const j = Journal.open(f, 'p1');
    j.append({ k: 'verified' });
    expect(j.state.verified).toBe(true);
    j.append(rec('late'));
    expect(j.state.verified).toBe(false);
    j.close();
  });
});
