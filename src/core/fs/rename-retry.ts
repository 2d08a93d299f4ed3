// rename() that rides out Windows' transient sharing errors: an antivirus scanner, the search indexer or a backup
// agent briefly opens a freshly written file, and MoveFileEx then answers EPERM/EBUSY/EACCES until it lets go.
// Elsewhere those codes are real (a permission problem), so only win32 retries.
import { rename as fsRename } from 'node:fs/promises';

export interface RenameRetryOptions {
  /** The platform whose rules apply (injected by tests; defaults to this process's). */
  platform?: NodeJS.Platform;
  rename?: (from: string, to: string) => Promise<void>;
  /** Waits between attempts; tests pass a no-op so no real time passes. */
  sleep?: (ms: number) => Promise<void>;
}

/** Codes Windows gives while another process holds the source or target open. */
const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** 10+20+40+80+160+320 ms ≈ 0.6 s in all: long enough for a scan of a small file, short enough not to hang a save. */
export const RENAME_BACKOFF_MS = [10, 20, 40, 80, 160, 320] as const;

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Renames; on win32 retries a transient sharing error up to RENAME_BACKOFF_MS.length times, then throws the first error. */
export async function renameWithRetry(from: string, to: string, opts: RenameRetryOptions = {}): Promise<void> {
  const platform = opts.platform ?? process.platform;
  const rename = opts.rename ?? fsRename;
  const sleep = opts.sleep ?? realSleep;
  let first: unknown;
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (err) {
      first ??= err;
      const code = (err as NodeJS.ErrnoException).code;
      const delay = RENAME_BACKOFF_MS[attempt];
      if (platform !== 'win32' || !code || !TRANSIENT.has(code) || delay === undefined) throw first;
      await sleep(delay);
    }
  }
}
