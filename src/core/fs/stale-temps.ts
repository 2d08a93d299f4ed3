// Temps a crash left behind: a kill -9 between writing `.<name>.tmp-<hex>` and renaming it leaves the temp in the
// folder for good. The next successful write of the same file removes its own old temps (docs/decisions.md D30).
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Older than this, no writer is still at work on a temp: the app's single files are small and written in one go. */
export const STALE_TEMP_MS = 10 * 60 * 1000;

/** The temp name writeFileAtomic uses for `path` (12 hex digits from 6 random bytes). */
export function isTempOf(path: string, entry: string): boolean {
  const prefix = `.${basename(path)}.tmp-`;
  return entry.startsWith(prefix) && /^[0-9a-f]{12}$/.test(entry.slice(prefix.length));
}

/**
 * Removes the temps of `path` older than `maxAgeMs` and answers what it removed. A younger temp may belong to a write
 * in flight in another process (the CLI and the app can write the same file), so it stays. Never throws: cleaning is
 * a courtesy to the disk, and the write it follows has already succeeded.
 */
export async function removeStaleTemps(path: string, now = Date.now(), maxAgeMs = STALE_TEMP_MS): Promise<string[]> {
  const dir = dirname(path);
  const removed: string[] = [];
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries.filter((e) => isTempOf(path, e))) {
    const file = join(dir, entry);
    try {
      if (now - (await stat(file)).mtimeMs < maxAgeMs) continue;
      await rm(file, { force: true });
      removed.push(file);
    } catch {
      // Gone already (another writer cleaned it) or not removable: leave it for next time.
    }
  }
  return removed;
}
