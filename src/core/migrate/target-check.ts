// Is the target still the share we planned for? A missing root, or a root on another device (the share was unmounted
// and the bare mount point shows through), stops the copy with a clear, resumable error instead of writing elsewhere.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Written into the target root at plan time: a remounted empty folder in its place does not have it. */
export const MARKER = '.ups-migrate-target';

export class TargetUnavailableError extends Error {
  readonly fix: string;
  constructor(target: string, why: string) {
    super(`The target ${target} is not reachable any more (${why}). The copy is paused; nothing is lost.`);
    this.fix = 'Reconnect or remount the share, then resume the copy.';
  }
}

export async function assertTarget(target: string, dev: number, cause?: unknown): Promise<void> {
  const st = await stat(target).catch((err: NodeJS.ErrnoException) => err);
  if (st instanceof Error) throw new TargetUnavailableError(target, st.code ?? st.message);
  if (!st.isDirectory()) throw new TargetUnavailableError(target, 'it is not a folder any more');
  if (dev !== 0 && st.dev !== dev) throw new TargetUnavailableError(target, 'a different drive is mounted there now');
  const mark = await readFile(path.join(target, MARKER), 'utf8').catch(() => null);
  if (mark === null) throw new TargetUnavailableError(target, 'the share is not mounted there any more');
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code && ['EIO', 'ENOTCONN', 'EHOSTDOWN', 'ESTALE', 'ENETDOWN', 'ENETUNREACH', 'ETIMEDOUT'].includes(code)) {
    throw new TargetUnavailableError(target, code);
  }
}
