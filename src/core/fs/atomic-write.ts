// Atomic file replacement (docs/decisions.md D9): temp file in the same folder + fsync + rename + fsync of the folder.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { renameWithRetry, type RenameRetryOptions } from './rename-retry';
import { removeStaleTemps } from './stale-temps';

export interface AtomicWriteOptions {
  /** File mode for a new file (e.g. 0o600 for files only the user should read). */
  mode?: number;
  /** Test seam for the Windows rename retry (platform, rename, sleep). */
  rename?: RenameRetryOptions;
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  opts: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  // Same folder as the target so rename() never crosses a file system (which would make it a non-atomic copy).
  const temp = join(dir, `.${basename(path)}.tmp-${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, 'wx', opts.mode ?? 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    // Windows: a scanner or indexer holding the new file makes the rename fail for a moment; retry a few times.
    await renameWithRetry(temp, path, opts.rename);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await syncDir(dir);
  // Temps of this file that an earlier crash left (kill -9 before the rename) go now that a write has succeeded.
  // Once per file and process: a crash leaves them before we start, and frequent writers (progress records) would
  // otherwise list their folder on every write.
  if (!cleanedTemps.has(path)) {
    cleanedTemps.add(path);
    await removeStaleTemps(path);
  }
}

/** Files whose crash leftovers this process has already looked for. */
const cleanedTemps = new Set<string>();

/** Makes the rename itself durable; Windows cannot open a folder for fsync, and NTFS journals the rename anyway. */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const h = await open(dir, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}
