// The switch: stop the stack, catch up the copy while nothing writes, write the install files that point the stack at
// the target (stack.yml + compose.yaml + .env, or compose.yaml alone) atomically with the previous versions kept,
// start, wait healthy, rescan, and check every app sees what it saw before. Any failure → switch back, say why.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeInstallFiles, type FileToWrite } from '../fs/install-writer';

export interface StackPort {
  stop(): Promise<void>;
  /** Brings every service up with the current compose file (recreating those whose mounts changed). */
  start(): Promise<void>;
  /** Resolves when all services are running and healthy; rejects naming the ones that are not. */
  waitHealthy(): Promise<void>;
}

/** How the switch checks an app still sees the library: e.g. Plex section item count, Radarr movie count. */
export interface LibraryHook {
  name: string;
  /** Why this check cannot run (e.g. no Plex sign-in stored): the switch reports the reason instead of counting. */
  skipped?: string;
  rescan?(): Promise<void>;
  count(): Promise<number>;
}

export interface SwitchRequest {
  /** The folder holding the install files (the install root). */
  dir: string;
  /** The files to write for the switch, with their new content (names relative to `dir`). */
  next: FileToWrite[];
  stack: StackPort;
  hooks: LibraryHook[];
  /** Final incremental copy while the stack is stopped (nothing writes to the source then). */
  catchUp(): Promise<void>;
}

export interface SwitchResult {
  counts: Record<string, number>;
  /** Hook name → why it was not compared. */
  skipped: Record<string, string>;
  backup?: string;
}

export class SwitchFailedError extends Error {
  constructor(
    readonly reason: string,
    readonly rolledBack: boolean,
    readonly restoreError?: string,
  ) {
    super(
      rolledBack
        ? `The switch to the new location failed (${reason}); the stack was switched back to the local data and is healthy again. The local copy is untouched.`
        : `The switch failed (${reason}) and switching back also failed (${restoreError ?? 'unknown'}). The previous stack.yml/compose.yaml are kept in .backups/.`,
    );
  }
}

const msg = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function countAll(hooks: LibraryHook[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const h of hooks) out[h.name] = await h.count();
  return out;
}

export async function switchStack(req: SwitchRequest): Promise<SwitchResult> {
  const hooks = req.hooks.filter((h) => !h.skipped);
  const skipped = Object.fromEntries(req.hooks.flatMap((h) => (h.skipped ? [[h.name, h.skipped] as const] : [])));
  // Rescanned before counting too, so both counts say what each app finds on disk, not what its database last saw.
  for (const h of hooks) await h.rescan?.();
  const before = await countAll(hooks);
  const { dir } = req;
  // Exact previous bytes, so switching back leaves every file byte-identical (null: the file did not exist).
  const previous = await Promise.all(
    req.next.map(async (f) => ({
      name: f.name,
      content: await readFile(path.join(dir, f.name), 'utf8').catch(() => null),
    })),
  );
  await req.stack.stop();
  try {
    await req.catchUp();
  } catch (err) {
    // Nothing was rewritten yet: just bring the stack back as it was.
    await req.stack.start();
    throw new SwitchFailedError(`the final copy did not complete: ${msg(err)}`, true);
  }
  const report = await writeInstallFiles(dir, req.next);
  try {
    await req.stack.start();
    await req.stack.waitHealthy();
    for (const h of hooks) await h.rescan?.();
    const after = await countAll(hooks);
    const diff = Object.keys(before).filter((k) => before[k] !== after[k]);
    if (diff.length > 0)
      throw new Error(
        `after the switch ${diff.map((k) => `${k} sees ${after[k]} items instead of ${before[k]}`).join('; ')}`,
      );
    return { counts: after, skipped, ...(report.backup ? { backup: report.backup } : {}) };
  } catch (err) {
    const reason = msg(err);
    try {
      await req.stack.stop().catch(() => undefined);
      await writeInstallFiles(
        dir,
        previous.flatMap((f) => (f.content === null ? [] : [{ name: f.name, content: f.content }])),
      );
      for (const f of previous) if (f.content === null) await rm(path.join(dir, f.name), { force: true });
      await req.stack.start();
      await req.stack.waitHealthy();
      for (const h of hooks) await h.rescan?.();
    } catch (restoreErr) {
      throw new SwitchFailedError(reason, false, msg(restoreErr));
    }
    throw new SwitchFailedError(reason, true);
  }
}
