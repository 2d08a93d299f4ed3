// Writes a set of files into the install root, keeping each replaced version under .backups/<stamp>/ (docs/decisions.md D9).
import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { resolveInside } from './safe-path';

export const BACKUPS_DIR = '.backups';

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
): Promise<WriteReport> {
  const targets = files.map((f) => ({ ...f, path: resolveInside(root, f.name) }));
  const report: WriteReport = { written: [], unchanged: [] };
  let stampDir: string | undefined;
  for (const f of targets) {
    const previous = await readIfExists(f.path);
    if (previous !== null && previous.equals(Buffer.from(f.content))) {
      report.unchanged.push(f.name);
      continue;
    }
    if (previous !== null) {
      stampDir ??= await freshBackupDir(root, now);
      const dest = join(stampDir, f.name);
      await mkdir(dirname(dest), { recursive: true });
      await copyFile(f.path, dest);
      report.backup = stampDir;
    }
    await writeFileAtomic(f.path, f.content, f.mode === undefined ? {} : { mode: f.mode });
    report.written.push(f.name);
  }
  return report;
}

/** Puts back every file of one backup folder (atomically, each keeping the current version as a new backup). */
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
    return (await readdir(join(root, BACKUPS_DIR))).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

async function freshBackupDir(root: string, now: Date): Promise<string> {
  const base = join(root, BACKUPS_DIR, backupStamp(now));
  for (let i = 0; ; i++) {
    const dir = i === 0 ? base : `${base}-${i}`;
    try {
      await stat(dir);
    } catch {
      await mkdir(dir, { recursive: true });
      return dir;
    }
  }
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
