// The journaled copy: walks the scanned library, copies + verifies each file not yet in the journal, recreates
// hardlink pairs and symlinks, re-copies files that changed at the source, and stops cleanly on pause or lost target.
// Several files are copied at once (`streams`, as robocopy /MT does): on a network share one stream is bound by round
// trips (open, fsync, rename each wait for the server), and locally the hashing of one file overlaps the I/O of others.
import { link, lstat, mkdir, readlink, rm, stat, symlink, utimes } from 'node:fs/promises';
import type { MigrateProgress } from '../contract/migrate';
import { copyVerified, CopyAbortedError, sameVersion, SourceChangedError, type CopyResult } from './copy-file';
import { CommitQueue } from './commit-queue';
import type { Journal } from './journal';
import { sweepPartials } from './partials';
import { scanTree, type ScanEntry } from './scan';
import { resolveRel } from '../fs/target-path';
import { assertTarget } from './target-check';

export interface CopyJob {
  source: string;
  target: string;
  /** '' = everything under the data root; 'media' = media only. */
  sub: string;
  /** Recreate hardlinked pairs as hardlinks (moving everything onto a target that supports them). */
  hardlinks: boolean;
  /** st_dev of the target root when planned: a different device means the share was unmounted under us. */
  targetDev: number;
  journal: Journal;
  /**
   * Folders the switched stack mounts whose content is not copied (Tdarr's transcode cache, docs/decisions.md D34):
   * made empty on the target, so the mount (or its CIFS volume, which needs the folder on the share) has a source.
   */
  emptyFolders?: string[];
  /** Files copied at once (default STREAMS). A kill -9 leaves at most this many files to copy again. */
  streams?: number;
}

export interface CopyHooks {
  onProgress?(p: MigrateProgress): void;
  stopRequested?(): boolean;
}

export interface CopyOutcome {
  status: 'done' | 'stopped';
  recopied: string[];
  bytesCopied: number;
}

const MAX_ATTEMPTS = 4;
const PROGRESS_EVERY = 8 << 20;
/**
 * Measured with bench/scenarios/migrate-rsync.ts on the shared 2-core dev machine (2026-12-07, medians of 3, load
 * average 15-20, so noisy): with the kernel copy and the hashing thread (docs/decisions.md D33), local folder 105 MiB/s
 * with 4 streams vs 73 with 1; loopback SMB through smbnetfs (FUSE, streamed) 3.9 vs 3.5. On a quieter run after the
 * merges: 348 vs 235 MiB/s local, 10.6 vs 10.5 SMB. With direct I/O on the FUSE share (D35, quiet machine):
 * 456 vs 293 MiB/s local, 65.6 vs 55.8 SMB. Re-measure on a Windows SMB client before tuning this.
 */
export const STREAMS = 4;

export async function runCopy(job: CopyJob, hooks: CopyHooks = {}): Promise<CopyOutcome> {
  const stop = () => hooks.stopRequested?.() ?? false;
  await assertTarget(job.target, job.targetDev);
  const scan = await scanTree(job.source, job.sub);
  await sweepPartials(job.target);
  const linkOf = new Map<string, string>();
  if (job.hardlinks) for (const [first, ...rest] of scan.linkGroups) for (const r of rest) linkOf.set(r, first!);
  // Without hardlinks every name of a linked group is copied in full, so each counts (else the progress overshoots
  // its total and the ETA turns negative, which the state file refuses).
  const extra = job.hardlinks ? [] : scan.linkGroups.flatMap((g) => g.slice(1));
  const sizeOf = new Map(scan.entries.map((e) => [e.rel, e.size]));
  const bytesTotal = scan.bytes + extra.reduce((n, r) => n + (sizeOf.get(r) ?? 0), 0);
  const filesTotal = scan.files + extra.length;
  const recopied: string[] = [];
  const t0 = Date.now();
  let bytesCopied = 0;
  let bytesDone = 0;
  let filesDone = 0;
  let sinceEmit = 0;
  let current: string | undefined;
  const emit = () => {
    const secs = (Date.now() - t0) / 1000;
    const rate = secs > 0 ? bytesCopied / secs : 0;
    const left = Math.max(0, bytesTotal - bytesDone);
    hooks.onProgress?.({
      bytesDone,
      bytesTotal,
      filesDone,
      filesTotal,
      rateBps: Math.round(rate),
      etaSeconds: rate > 0 ? Math.round(left / rate) : null,
      ...(current ? { currentFile: current } : {}),
    });
  };
  const ctl = {
    stopRequested: stop,
    onBytes: (n: number) => {
      bytesCopied += n;
      bytesDone += n;
      sinceEmit += n;
      if (sinceEmit >= PROGRESS_EVERY) {
        sinceEmit = 0;
        emit();
      }
    },
  };
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof CopyAbortedError || err instanceof SourceChangedError) throw err;
      await assertTarget(job.target, job.targetDev, err);
      throw err;
    }
  };
  const commits = new CommitQueue(job.journal);
  const copyOne = async (e: ScanEntry): Promise<void> => {
    const src = resolveRel(job.source, e.rel);
    const dst = resolveRel(job.target, e.rel);
    for (let attempt = 1; ; attempt++) {
      // This attempt's own bytes: other files are in flight too, so a retry takes back only what it counted.
      let mine = 0;
      const own = {
        stopRequested: stop,
        onBytes: (n: number) => {
          mine += n;
          // With several files in flight, the one named in progress is the one whose bytes just moved.
          current = e.rel;
          ctl.onBytes(n);
        },
      };
      try {
        const r: CopyResult = await guard(() => copyVerified(src, dst, own, e.rel));
        const rec = { k: 'file', p: e.rel, s: r.size, m: r.source.mtimeMs, c: r.source.ctimeMs, h: r.hash } as const;
        await guard(() => commits.commit(dst, rec));
        return;
      } catch (err) {
        bytesDone -= mine;
        if (!(err instanceof SourceChangedError) || attempt >= MAX_ATTEMPTS) throw err;
        if (!recopied.includes(e.rel)) recopied.push(e.rel);
      }
    }
  };
  // The pool: up to `width` copies run at once; the first failure (or a stop) is rethrown once the others settle, so
  // no copy is left writing behind a returned runCopy.
  const width = Math.max(1, job.streams ?? STREAMS);
  const running = new Set<Promise<void>>();
  let failure: { err: unknown } | undefined;
  const drain = async (): Promise<void> => {
    await Promise.all(running);
    if (failure) throw failure.err;
  };
  const dispatch = async (work: () => Promise<void>): Promise<void> => {
    while (running.size >= width) await Promise.race(running);
    if (failure) return drain();
    const p: Promise<void> = work()
      .catch((err: unknown) => {
        failure ??= { err };
      })
      .finally(() => running.delete(p));
    running.add(p);
  };

  try {
    if (job.sub) await guard(() => mkdirIn(job.target, job.sub));
    for (const f of job.emptyFolders ?? []) await guard(() => mkdirIn(job.target, f));
    for (const e of scan.entries) {
      if (stop()) return (await drain(), { status: 'stopped', recopied, bytesCopied });
      current = e.rel;
      const dst = resolveRel(job.target, e.rel);
      if (e.kind === 'dir') await guard(() => mkdirIn(job.target, e.rel));
      else if (e.kind === 'symlink') await guard(() => placeSymlink(job, e.rel, dst));
      else if (linkOf.has(e.rel)) {
        // A hardlink needs its first name copied and journaled: let the copies in flight finish first.
        await drain();
        await guard(() => placeLink(job, e.rel, linkOf.get(e.rel)!, dst));
      } else {
        const rec = job.journal.state.files.get(e.rel);
        const have =
          rec && sameVersion({ size: rec.s, mtimeMs: rec.m, ctimeMs: rec.c }, e)
            ? await lstat(dst).catch(() => null)
            : null;
        if (have?.isFile() && have.size === e.size) {
          bytesDone += e.size;
          filesDone++;
          emit();
        } else
          await dispatch(async () => {
            await copyOne(e);
            filesDone++;
            emit();
          });
      }
    }
    await drain();
    // Final pass: anything that changed at the source after it was copied is copied again, until stable.
    for (let pass = 0; pass < MAX_ATTEMPTS; pass++) {
      const changed: ScanEntry[] = [];
      for (const e of scan.entries) {
        if (e.kind !== 'file' || linkOf.has(e.rel)) continue;
        const rec = job.journal.state.files.get(e.rel);
        const now = await stat(resolveRel(job.source, e.rel)).catch(() => null);
        if (rec && now && !sameVersion({ size: rec.s, mtimeMs: rec.m, ctimeMs: rec.c }, now))
          changed.push({ ...e, size: now.size });
      }
      if (changed.length === 0) break;
      for (const e of changed) {
        if (stop()) return (await drain(), { status: 'stopped', recopied, bytesCopied });
        if (!recopied.includes(e.rel)) recopied.push(e.rel);
        current = e.rel;
        await dispatch(() => copyOne(e));
      }
      await drain();
    }
    for (const e of [...scan.entries].reverse()) {
      if (e.kind === 'dir')
        await guard(() => utimes(resolveRel(job.target, e.rel), e.mtimeMs / 1000, e.mtimeMs / 1000));
    }
  } catch (err) {
    // Never return while a copy still writes: wait for the others (their own failures are already recorded).
    await Promise.allSettled(running);
    if (err instanceof CopyAbortedError) return { status: 'stopped', recopied, bytesCopied };
    throw err;
  }
  current = undefined;
  emit();
  job.journal.append({ k: 'verified' });
  return { status: 'done', recopied, bytesCopied };
}

/** Creates one folder level; never recursive, so a vanished target root is not silently recreated. */
async function mkdirIn(root: string, rel: string): Promise<void> {
  await mkdir(resolveRel(root, rel)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
}

async function placeLink(job: CopyJob, rel: string, primary: string, dst: string): Promise<void> {
  const p = await stat(resolveRel(job.target, primary));
  const cur = await lstat(dst).catch(() => null);
  if (cur && cur.ino === p.ino && cur.dev === p.dev) return;
  if (cur) await rm(dst, { force: true });
  await link(resolveRel(job.target, primary), dst);
  job.journal.append({ k: 'link', p: rel, to: primary });
}

async function placeSymlink(job: CopyJob, rel: string, dst: string): Promise<void> {
  const to = await readlink(resolveRel(job.source, rel));
  const cur = await readlink(dst).catch(() => null);
  if (cur === to) return;
  await rm(dst, { force: true });
  await symlink(to, dst);
  job.journal.append({ k: 'symlink', p: rel, to });
}
