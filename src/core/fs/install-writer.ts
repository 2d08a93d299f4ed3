// Writes a set of files into the install root as ONE generation (docs/decisions.md D30): the previous versions are
// kept under .backups/<stamp>/, a write-ahead record (.ups-write.json) says how to undo, every new version is staged as
// a synced temp and then renamed in, and removing the record is the commit. A crash (even kill -9) at any point leaves
// the record behind; the next reader or writer rolls the set back to the old generation, and a re-run writes it again.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as z from 'zod';
import { UpsFailure } from '../contract/envelope';
import { syncDir, writeFileAtomic } from './atomic-write';
import { renameWithRetry } from './rename-retry';
import { resolveInside } from './safe-path';

import { BACKUPS_DIR } from '../install/install-layout';

export { BACKUPS_DIR };
export const WRITE_RECORD = '.ups-write.json';
export const WRITE_LOCK = '.ups-write.lock';
export const DEFAULT_KEEP_BACKUPS = 10;
const PARTIAL = '.partial';

export interface FileToWrite {
  /** Relative to the install root, forward slashes. */
  name: string;
  content: string;
  mode?: number;
}

export interface WriteReport {
  written: string[];
  unchanged: string[];
  /** The backup folder holding the previous versions, when anything was replaced. */
  backup?: string;
}

export interface WriteSetOptions {
  /** A file outside the root that belongs to the same generation (the install pointer in the user profile). */
  pointer?: { file: string; content: string };
  /** How many backup folders to keep (oldest removed first); default 10. */
  keepBackups?: number;
}

const RecordSchema = z.object({
  version: z.literal(1),
  /** Backup folder name under .backups holding the previous version of every replaced file. */
  backup: z.string().nullable(),
  replaced: z.array(z.string()),
  created: z.array(z.string()),
  pointer: z.object({ file: z.string(), previous: z.string().nullable() }).nullable(),
});
type WriteRecord = z.infer<typeof RecordSchema>;

/** A backup folder name that sorts by time and is safe on Windows (no colons). */
export function backupStamp(now: Date = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * Files whose content is already identical are left alone (no new backup), so re-running is idempotent.
 * Every path is resolved before the first write: a bad name fails the whole set with nothing written.
 */
export async function writeInstallFiles(
  root: string,
  files: FileToWrite[],
  now: Date = new Date(),
  opts: WriteSetOptions = {},
): Promise<WriteReport> {
  const targets = files.map((f) => ({ ...f, path: resolveInside(root, f.name) }));
  try {
    await mkdir(root, { recursive: true });
  } catch (err) {
    throw writeFailure(root, err);
  }
  const release = await takeWriteLock(root);
  try {
    return await writeSet(root, targets, now, opts);
  } catch (err) {
    throw writeFailure(root, err);
  } finally {
    await release();
  }
}

async function writeSet(
  root: string,
  targets: (FileToWrite & { path: string })[],
  now: Date,
  opts: WriteSetOptions,
): Promise<WriteReport> {
  {
    await rollBackIfInterrupted(root);
    await cleanStale(root, targets, opts.pointer?.file);
    const report: WriteReport = { written: [], unchanged: [] };
    const changes: ((typeof targets)[number] & { previous: Buffer | null })[] = [];
    for (const f of targets) {
      const previous = await readIfExists(f.path);
      if (previous !== null && previous.equals(Buffer.from(f.content))) report.unchanged.push(f.name);
      else changes.push({ ...f, previous });
    }
    const pointerPrev = opts.pointer ? await readIfExists(opts.pointer.file) : null;
    const pointerChanges = !!opts.pointer && !(pointerPrev?.equals(Buffer.from(opts.pointer.content)) ?? false);
    if (changes.length > 0 || pointerChanges) {
      // 1. The previous versions, complete and synced, under a folder that is named only once it is whole.
      const replaced = changes.filter((c) => c.previous !== null);
      const stamp = replaced.length > 0 ? await freshBackupName(root, now) : null;
      if (stamp) {
        const partial = join(root, BACKUPS_DIR, `${stamp}${PARTIAL}`);
        for (const c of replaced) await writeFileAtomic(join(partial, c.name), c.previous!, { mode: c.mode ?? 0o644 });
        await rename(partial, join(root, BACKUPS_DIR, stamp));
        await syncDir(join(root, BACKUPS_DIR));
        report.backup = join(root, BACKUPS_DIR, stamp);
      }
      // 2. The write-ahead record: from here until it is removed, a crash means "roll back".
      const record: WriteRecord = {
        version: 1,
        backup: stamp,
        replaced: replaced.map((c) => c.name),
        created: changes.filter((c) => c.previous === null).map((c) => c.name),
        pointer:
          opts.pointer && pointerChanges
            ? { file: opts.pointer.file, previous: pointerPrev === null ? null : pointerPrev.toString('utf8') }
            : null,
      };
      await writeFileAtomic(join(root, WRITE_RECORD), `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
      try {
        // 3. Stage every new version (synced temps), then 4. rename them in back to back.
        const staged: { temp: string; path: string }[] = [];
        try {
          for (const c of changes) staged.push({ temp: await stageTemp(c.path, c.content, c.mode), path: c.path });
          if (opts.pointer && pointerChanges)
            staged.push({ temp: await stageTemp(opts.pointer.file, opts.pointer.content), path: opts.pointer.file });
          for (const s of staged) await renameWithRetry(s.temp, s.path);
        } finally {
          await Promise.all(staged.map((s) => rm(s.temp, { force: true })));
        }
        for (const d of new Set(staged.map((s) => dirname(s.path)))) await syncDir(d);
      } catch (err) {
        // A failure (not a crash): undo now so the folder holds the old generation, then report the file.
        await rollBack(root, record);
        throw writeFailure(root, err);
      }
      // 5. Commit.
      await rm(join(root, WRITE_RECORD), { force: true });
      await syncDir(root);
      report.written.push(...changes.map((c) => c.name));
    }
    await pruneBackups(root, opts.keepBackups ?? DEFAULT_KEEP_BACKUPS);
    return report;
  }
}

/**
 * Settles a write that a crash interrupted: when a write-ahead record is left and no live process holds the write lock,
 * the set is rolled back to the previous generation. Answers true when it rolled anything back.
 */
export async function settleInterruptedWrite(root: string): Promise<boolean> {
  if (!(await exists(join(root, WRITE_RECORD)))) return false;
  const holder = await lockHolder(root);
  if (holder !== null) return false; // a write is running right now: it commits or rolls back itself
  const release = await takeWriteLock(root).catch(() => null);
  if (!release) return false;
  try {
    return await rollBackIfInterrupted(root);
  } finally {
    await release();
  }
}

/** Puts back every file of one backup folder (as one generation, keeping the current versions as a new backup). */
export async function restoreBackup(root: string, stamp: string): Promise<WriteReport> {
  const dir = resolveInside(root, join(BACKUPS_DIR, stamp));
  const names = await listFiles(dir);
  const files = await Promise.all(
    names.map(async (name) => ({ name, content: await readFile(join(dir, name), 'utf8') })),
  );
  return writeInstallFiles(root, files);
}

export async function listBackups(root: string): Promise<string[]> {
  try {
    return (await readdir(join(root, BACKUPS_DIR))).filter((n) => !n.endsWith(PARTIAL)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

async function rollBackIfInterrupted(root: string): Promise<boolean> {
  const text = await readFile(join(root, WRITE_RECORD), 'utf8').catch(() => null);
  if (text === null) return false;
  let record: WriteRecord;
  try {
    record = RecordSchema.parse(JSON.parse(text));
  } catch {
    // The record is written atomically, so this is not a torn write: someone edited it. Refuse to guess.
    throw new UpsFailure({
      code: 'BAD_INPUT',
      message: `The record of an interrupted install write (${join(root, WRITE_RECORD)}) is damaged, so it is not known which files are new.`,
      field: join(root, WRITE_RECORD),
      fix: `Restore the previous version from ${join(root, BACKUPS_DIR)}, then remove that record and install again.`,
    });
  }
  await rollBack(root, record);
  return true;
}

/** Undoes one generation: replaced files from the backup, created files removed, the pointer as it was. Idempotent. */
async function rollBack(root: string, record: WriteRecord): Promise<void> {
  for (const name of record.replaced) {
    const saved = await readFile(join(root, BACKUPS_DIR, record.backup ?? '', name));
    await writeFileAtomic(resolveInside(root, name), saved);
  }
  for (const name of record.created) await rm(resolveInside(root, name), { force: true });
  if (record.pointer) {
    if (record.pointer.previous === null) await rm(record.pointer.file, { force: true });
    else await writeFileAtomic(record.pointer.file, record.pointer.previous);
  }
  await rm(join(root, WRITE_RECORD), { force: true });
  await syncDir(root);
}

/** A synced temp beside `path` (same folder, so the rename never crosses a file system). */
async function stageTemp(path: string, content: string, mode?: number): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.tmp-${randomBytes(6).toString('hex')}`);
  const h = await open(temp, 'wx', mode ?? 0o644);
  try {
    await h.writeFile(content);
    await h.sync();
  } finally {
    await h.close();
  }
  return temp;
}

const tempOf = (name: string) => new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.tmp-[0-9a-f]{12}$`);

/** With the write lock held, temps of this set's files and unfinished backup folders are leftovers of a crash. */
async function cleanStale(root: string, targets: { path: string }[], pointerFile?: string): Promise<void> {
  const byDir = new Map<string, Set<string>>();
  for (const p of [...targets.map((t) => t.path), join(root, WRITE_RECORD), ...(pointerFile ? [pointerFile] : [])])
    byDir.set(dirname(p), (byDir.get(dirname(p)) ?? new Set()).add(basename(p)));
  for (const [dir, names] of byDir) {
    const entries = await readdir(dir).catch(() => [] as string[]);
    const patterns = [...names].map(tempOf);
    for (const e of entries) if (patterns.some((re) => re.test(e))) await rm(join(dir, e), { force: true });
  }
  const backups = await readdir(join(root, BACKUPS_DIR)).catch(() => [] as string[]);
  for (const b of backups)
    if (b.endsWith(PARTIAL)) await rm(join(root, BACKUPS_DIR, b), { recursive: true, force: true });
}

async function pruneBackups(root: string, keep: number): Promise<void> {
  const all = await listBackups(root);
  for (const old of all.slice(0, Math.max(0, all.length - Math.max(1, keep))))
    await rm(join(root, BACKUPS_DIR, old), { recursive: true, force: true });
}

/** The pid holding the write lock, if that process is still alive. */
async function lockHolder(root: string): Promise<number | null> {
  const pid = Number((await readFile(join(root, WRITE_LOCK), 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/** One writer per install root at a time; a dead holder's lock (a crash) is taken over. */
async function takeWriteLock(root: string): Promise<() => Promise<void>> {
  const file = join(root, WRITE_LOCK);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const h = await open(file, 'wx', 0o644);
      await h.writeFile(String(process.pid));
      await h.close();
      return () => rm(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw writeFailure(root, err);
      const holder = await lockHolder(root);
      if (holder !== null)
        throw new UpsFailure({
          code: 'BAD_INPUT',
          message: `Another write to ${root} is running right now (process ${holder}).`,
          field: 'installRoot',
          fix: 'Wait for it to finish, then try again.',
        });
      // A crashed writer's lock, or one being written this instant: remove and retry.
      await rm(file, { force: true });
    }
  }
  throw new UpsFailure({
    code: 'INTERNAL',
    message: `The write lock of ${root} (${file}) could not be taken.`,
    fix: 'Make sure no other copy of the app writes there, then try again.',
  });
}

function writeFailure(root: string, err: unknown): unknown {
  if (err instanceof UpsFailure) return err;
  const e = err as NodeJS.ErrnoException;
  if (!e.code) return err;
  return new UpsFailure({
    code: 'INTERNAL',
    message: `Writing the stack files in ${root} failed at ${e.path ?? root}: the system answered ${e.code}. Nothing was changed.`,
    field: 'installRoot',
    fix: 'Check that the install folder is on a working drive with free space and that the app may write there, then install again.',
  });
}

async function freshBackupName(root: string, now: Date): Promise<string> {
  const base = backupStamp(now);
  for (let i = 0; ; i++) {
    const name = i === 0 ? base : `${base}-${i}`;
    if (!(await exists(join(root, BACKUPS_DIR, name)))) return name;
  }
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(join(dir, e.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}
