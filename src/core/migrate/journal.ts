// The copy journal: one JSON line per verified file, appended and fsynced before the next file starts, so a crash
// (even kill -9) loses at most the file in flight. A torn last line (no newline: the append never completed) is cut off
// on open, never trusted; a complete line that is not a record is damage, named with the path and line.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, ftruncateSync, writeSync } from 'node:fs';
import * as z from 'zod';
import { UpsFailure } from '../contract/envelope';
import type { FixAction } from '../contract/fix-action';
import { damagedFile } from '../fs/read-state-file';

const WHAT = 'The migration copy journal';
export const JOURNAL_FIX =
  'Plan the migration again: the copy starts over (files already copied are checked, not lost) and the damaged journal is kept beside it as journal.jsonl.corrupt-<time>.';
const JOURNAL_ACTION: FixAction = { action: 'migrate.plan', input: {}, label: 'Plan the migration again' };

const RecordSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('begin'), plan: z.string() }),
  /** A file copied and verified: source size/mtime/ctime as seen when the copy began, and its sha256. */
  z.object({ k: z.literal('file'), p: z.string(), s: z.number(), m: z.number(), c: z.number(), h: z.string() }),
  z.object({ k: z.literal('link'), p: z.string(), to: z.string() }),
  z.object({ k: z.literal('symlink'), p: z.string(), to: z.string() }),
  z.object({ k: z.literal('verified') }),
]);
export type JournalRecord = z.infer<typeof RecordSchema>;
export type FileRecord = Extract<JournalRecord, { k: 'file' }>;

export interface JournalState {
  planId: string | null;
  files: Map<string, FileRecord>;
  links: Map<string, string>;
  symlinks: Map<string, string>;
  verified: boolean;
}

/**
 * Reads the journal; returns the state, the byte length of the good prefix, and the line number of the first complete
 * line that is not a record (damage, as opposed to a torn tail) when there is one.
 */
export function readJournal(file: string): { state: JournalState; goodBytes: number; damagedLine?: number } {
  const state: JournalState = {
    planId: null,
    files: new Map(),
    links: new Map(),
    symlinks: new Map(),
    verified: false,
  };
  if (!existsSync(file)) return { state, goodBytes: 0 };
  const buf = readJournalBytes(file);
  let pos = 0;
  let line = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl < 0) break; // torn tail: no newline, the append never completed
    line++;
    const parsed = RecordSchema.safeParse(safeJson(buf.subarray(pos, nl).toString('utf8')));
    if (!parsed.success) return { state, goodBytes: pos, damagedLine: line };
    apply(state, parsed.data);
    pos = nl + 1;
  }
  return { state, goodBytes: pos };
}

function readJournalBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EISDIR' ? 'a folder is in its place' : `the system answered ${code ?? (err as Error).message}`;
    throw new UpsFailure({
      code: 'INTERNAL',
      message: `Cannot read ${WHAT} (${file}): ${why}.`,
      field: file,
      fix: JOURNAL_FIX,
      action: JOURNAL_ACTION,
    });
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

function apply(state: JournalState, r: JournalRecord): void {
  switch (r.k) {
    case 'begin':
      state.planId = r.plan;
      break;
    case 'file':
      state.files.set(r.p, r);
      state.verified = false;
      break;
    case 'link':
      state.links.set(r.p, r.to);
      break;
    case 'symlink':
      state.symlinks.set(r.p, r.to);
      break;
    case 'verified':
      state.verified = true;
      break;
  }
}

export class Journal {
  private constructor(
    private readonly fd: number,
    private pos: number,
    readonly state: JournalState,
  ) {}

  /**
   * Opens for append, cutting any torn tail; starts fresh when the journal belongs to another plan (the new plan
   * replaced it). Damage inside this plan's journal is reported, never cut away silently.
   */
  static open(file: string, planId: string): Journal {
    const { state, goodBytes, damagedLine } = readJournal(file);
    const fresh = state.planId !== planId;
    if (!fresh && damagedLine !== undefined)
      throw damagedFile(
        file,
        WHAT,
        `line ${damagedLine} is not a journal record`,
        JOURNAL_FIX,
        undefined,
        JOURNAL_ACTION,
      );
    const fd = openSync(file, fresh ? 'w' : existsSync(file) ? 'r+' : 'w');
    if (!fresh) ftruncateSync(fd, goodBytes);
    const empty: JournalState = { planId, files: new Map(), links: new Map(), symlinks: new Map(), verified: false };
    const j = new Journal(fd, fresh ? 0 : goodBytes, fresh ? empty : state);
    if (fresh) j.append({ k: 'begin', plan: planId });
    return j;
  }

  /** Appends one record and fsyncs before returning: the record is on disk when the next file starts. */
  append(r: JournalRecord): void {
    const line = Buffer.from(`${JSON.stringify(r)}\n`, 'utf8');
    writeSync(this.fd, line, 0, line.length, this.pos);
    this.pos += line.length;
    fsyncSync(this.fd);
    apply(this.state, r);
  }

  /** Appends several records with one write and one fsync (group commit); each is on disk when this returns. */
  appendMany(rs: readonly JournalRecord[]): void {
    if (rs.length === 0) return;
    const text = Buffer.from(rs.map((r) => `${JSON.stringify(r)}\n`).join(''), 'utf8');
    writeSync(this.fd, text, 0, text.length, this.pos);
    this.pos += text.length;
    fsyncSync(this.fd);
    for (const r of rs) apply(this.state, r);
  }

  close(): void {
    closeSync(this.fd);
  }
}
