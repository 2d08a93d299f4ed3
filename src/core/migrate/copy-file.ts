// Copies one file the safe way: the kernel copies the bytes into a temp name beside the destination (fs.copyFile:
// copy_file_range on Linux, CopyFileW on Windows, so the data never crosses into JS), the temp is fsynced with the
// source's mode and times, then ONE verification pass reads the source and the temp side by side, hashes the source
// bytes (the journal's sha256) and compares the two byte for byte; the source must not have changed (stat before and
// after), then the temp is renamed. docs/decisions.md D33 says why (one user-space copy fewer than streaming it through
// JS, which on 2 cores is the difference against rsync) and what the read-back proves about the page cache. On a FUSE
// share (target-io.ts, D35) the bytes are streamed with direct I/O instead, and read back the same way.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, copyFile, open, rename, rm, stat, utimes } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { HashSession } from './hash-worker';
import { O_DIRECT, refusesDirect, writeModeFor } from './target-io';

// 1 MiB: measured on ext4/overlay, 4 MiB writes were ~10× slower (dirty-page throttling) for the same bytes.
const CHUNK = 1 << 20;

export const PART_PREFIX = '.ups-part-';

/** The temp name for a destination: same folder (so rename is atomic), fixed length (names may be near 255 bytes). */
export function tempNameFor(dst: string): string {
  const tag = createHash('sha1').update(path.basename(dst)).digest('hex').slice(0, 16);
  return path.join(path.dirname(dst), `${PART_PREFIX}${tag}`);
}

export class SourceChangedError extends Error {
  constructor(readonly rel: string) {
    super(`${rel} changed while it was being copied`);
  }
}

export class CopyAbortedError extends Error {
  constructor() {
    super('copy stopped on request');
  }
}

export class VerifyMismatchError extends Error {}

/** The target's filesystem refused direct I/O (open or write answered EINVAL): the caller copies another way. */
export class DirectRefusedError extends Error {
  constructor(cause: unknown) {
    super('the target refused direct I/O', { cause });
  }
}

/**
 * How a file reached the target: `kernel` (fs.copyFile), `direct` (streamed with O_DIRECT to a FUSE share) or
 * `stream` (streamed through the page cache, for a target where the kernel copy failed).
 */
export type CopyVia = 'kernel' | 'direct' | 'stream';

export interface CopyControl {
  /**
   * Checked before the kernel copy and between chunks of the verification pass; when true the copy stops and its temp
   * file is removed. A kernel copy already under way runs to its end first (it cannot be interrupted).
   */
  stopRequested(): boolean;
  onBytes?(n: number): void;
}

export interface CopyResult {
  hash: string;
  size: number;
  /** The source as seen when the copy began (what the journal records). */
  source: Stats;
  via: CopyVia;
}

export function sameVersion(
  a: { size: number; mtimeMs: number; ctimeMs: number },
  b: { size: number; mtimeMs: number; ctimeMs: number },
): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/**
 * Copies `src` to `dst` through a temp beside it, verified, and renames it into place. The rename is durable only once
 * the caller fsyncs `dst`'s folder (fsyncDir): the copier does that for several files at once before it journals them.
 */
export async function copyVerified(src: string, dst: string, ctl: CopyControl, rel = src): Promise<CopyResult> {
  const tmp = tempNameFor(dst);
  try {
    const before = await stat(src);
    if (ctl.stopRequested()) throw new CopyAbortedError();
    const { hash, size, same, via } = await copyAndCheck(src, tmp, path.dirname(dst), before, ctl);
    const after = await stat(src);
    if (!sameVersion(before, after)) throw new SourceChangedError(rel);
    if (!same)
      throw new VerifyMismatchError(`${rel}: the copy read back differs from the source (disk or network error)`);
    // The walk stops at the first difference, so its size means something only for an identical pair.
    if (size !== before.size) throw new SourceChangedError(rel);
    await rename(tmp, dst);
    return { hash, size, source: before, via };
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * How each device (st_dev of a target folder) is written, decided at its first file: `direct` for a FUSE share
 * (target-io.ts), else `kernel`. A device where the kernel copy failed and a streamed one worked (a FUSE share that
 * refuses direct I/O and answers fs.copyFile with EIO) becomes `stream`; one that refuses direct I/O becomes `kernel`.
 */
const modes = new Map<number, CopyVia>();

type Checked = { hash: string; size: number; same: boolean };

async function copyAndCheck(
  src: string,
  tmp: string,
  dir: string,
  before: Stats,
  ctl: CopyControl,
): Promise<Checked & { via: CopyVia }> {
  const dev = (await stat(dir)).dev;
  let mode = modes.get(dev);
  if (mode === undefined) modes.set(dev, (mode = await writeModeFor(dir)));
  if (mode === 'stream') return { ...(await streamedCopy(src, tmp, before, ctl, false)), via: mode };
  if (mode === 'direct') {
    try {
      return { ...(await retracting(ctl, (c) => streamedCopy(src, tmp, before, c, true))), via: mode };
    } catch (err) {
      if (!(err instanceof DirectRefusedError)) throw err;
      await rm(tmp, { force: true });
      modes.set(dev, 'kernel');
    }
  }
  try {
    await retracting(ctl, (c) => kernelCopy(src, tmp, c));
  } catch {
    // The failed attempt's progress is taken back; then stream, and if that fails too, its error is the one reported.
    await rm(tmp, { force: true });
    const r = await streamedCopy(src, tmp, before, ctl, false);
    modes.set(dev, 'stream');
    return { ...r, via: 'stream' };
  }
  // The kernel copy already gave the temp the source's mode (libuv's copyfile fchmods it; CopyFileW keeps the
  // attributes), so only the times are set, through the handle that fsyncs: on a share each call is a round trip.
  await timesAndFsync(tmp, before);
  const checked =
    before.size <= INLINE_VERIFY_MAX ? hashAndCompareInline(src, tmp, ctl) : hashAndCompare(src, tmp, ctl);
  return { ...(await checked), via: 'kernel' };
}

/** Runs one copy attempt with its own byte count, and takes those bytes back from the progress if it fails. */
async function retracting<T>(ctl: CopyControl, attempt: (c: CopyControl) => Promise<T>): Promise<T> {
  let told = 0;
  try {
    return await attempt({
      stopRequested: () => ctl.stopRequested(),
      onBytes: (n) => {
        told += n;
        ctl.onBytes?.(n);
      },
    });
  } catch (err) {
    ctl.onBytes?.(-told);
    throw err;
  }
}

/**
 * The streamed copy, for targets that refuse the kernel copy or want direct I/O: hash while streaming, fsync, the
 * source's mode and times, then the copy read back (directly too when `direct`, so from the share rather than this
 * PC's page cache) and compared byte for byte with the source.
 */
async function streamedCopy(
  src: string,
  tmp: string,
  before: Stats,
  ctl: CopyControl,
  direct: boolean,
): Promise<Checked> {
  const { hash, size } = await streamCopy(src, tmp, ctl, Infinity, { direct });
  await keepTimes(tmp, before);
  return { hash, size, same: await sameBytes(tmp, src, ctl, Infinity, { directA: direct }) };
}

/**
 * By path, once the written handle is closed: an SMB server sets a file's write time when the handle that wrote it
 * closes, over a time set meanwhile through another handle (smbnetfs sets times by path), so the times come last.
 */
async function keepTimes(tmp: string, before: Stats): Promise<void> {
  await chmod(tmp, before.mode & 0o7777);
  await utimes(tmp, before.atimeMs / 1000, before.mtimeMs / 1000);
}

/** How often the size of a temp under a kernel copy is looked at, for progress (the copy itself reports nothing). */
const PROGRESS_POLL_MS = 250;

/**
 * fs.copyFile with progress: the copy is one uninterruptible call, so the temp's size is polled and reported as it
 * grows, and the rest when the call returns. A stop request takes effect when it returns (see CopyControl).
 */
async function kernelCopy(src: string, tmp: string, ctl: CopyControl): Promise<void> {
  let told = 0;
  const tell = (now: number) => {
    if (now > told) ctl.onBytes?.(now - told);
    told = Math.max(told, now);
  };
  let polling = false;
  const timer = setInterval(() => {
    if (polling) return;
    polling = true;
    stat(tmp)
      .then((st) => tell(st.size))
      .catch(() => undefined)
      .finally(() => (polling = false));
  }, PROGRESS_POLL_MS);
  try {
    // EXCL: without it libuv truncates the file it just opened (deps/uv/src/unix/fs.c, uv__fs_copyfile, in Node 20:
    // `ftruncate(dstfd, 0)` unless UV_FS_COPYFILE_EXCL), and smbnetfs answers that ftruncate with EIO after 4-16 s,
    // so every share stalled that long on its first file and then fell back to the streamed copy. A temp left over
    // (the sweep and the failure path remove them, so rarely) is removed and the copy tried once more.
    await copyFile(src, tmp, constants.COPYFILE_EXCL).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
      await rm(tmp, { force: true });
      await copyFile(src, tmp, constants.COPYFILE_EXCL);
    });
  } finally {
    clearInterval(timer);
  }
  tell((await stat(tmp)).size);
}

async function timesAndFsync(file: string, before: Stats): Promise<void> {
  // fsync flushes the file, not the descriptor: a fresh one (opened for writing, as Windows' FlushFileBuffers wants).
  const fh = await open(file, 'r+');
  try {
    await fh.utimes(before.atimeMs / 1000, before.mtimeMs / 1000);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * The verification pass: reads the source and the copy chunk by chunk (the next pair is read while the current one is
 * compared), and hands each source chunk to the hashing thread (hash-worker.ts). `same` is false at the first chunk or
 * length that differs; `size` then counts only the bytes walked.
 */
export async function hashAndCompare(
  src: string,
  copy: string,
  ctl?: CopyControl,
): Promise<{ hash: string; size: number; same: boolean }> {
  const hash = new HashSession(CHUNK);
  try {
    const fa = await open(src, 'r');
    try {
      const fb = await open(copy, 'r');
      try {
        const theirs = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)] as const;
        const readPair = async (slot: number) => {
          const mine = await hash.buffer();
          const [a, b] = await Promise.all([fa.read(mine, 0, CHUNK, null), fb.read(theirs[slot]!, 0, CHUNK, null)]);
          return { mine, na: a.bytesRead, nb: b.bytesRead };
        };
        let size = 0;
        let slot = 0;
        let cur = await readPair(slot);
        for (;;) {
          if (ctl?.stopRequested()) throw new CopyAbortedError();
          const { mine, na, nb } = cur;
          if (na !== nb) return { hash: '', size, same: false };
          if (na === 0) break;
          const next = readPair(1 - slot);
          const equal = mine.subarray(0, na).equals(theirs[slot]!.subarray(0, nb));
          hash.update(mine, na);
          size += na;
          cur = await next;
          if (!equal) return { hash: '', size, same: false };
          slot = 1 - slot;
        }
        return { hash: await hash.digest(), size, same: true };
      } finally {
        await fb.close();
      }
    } finally {
      await fa.close();
    }
  } finally {
    hash.close();
  }
}

/**
 * Files up to this size are verified on the main thread: their SHA-256 takes about a millisecond, less than the round
 * trip to the hashing thread, which for small files (subtitles, artwork) was most of their verification time.
 */
const INLINE_VERIFY_MAX = 2 << 20;

/** The verification pass for a small file, without the hashing thread: same result as hashAndCompare. */
async function hashAndCompareInline(src: string, copy: string, ctl?: CopyControl): Promise<Checked> {
  const h = createHash('sha256');
  let size = 0;
  const same = await pairwise(src, copy, Infinity, ctl, (x, y) => {
    if (!x.equals(y)) return false;
    h.update(x);
    size += x.length;
    return true;
  });
  return { hash: same ? h.digest('hex') : '', size, same };
}

export interface StreamOptions {
  /** Open the destination with O_DIRECT (a FUSE share, target-io.ts); EINVAL becomes DirectRefusedError. */
  direct?: boolean;
}

/**
 * The copy streamed through JS: for targets that refuse the kernel copy or want direct I/O, and for a prefix (the
 * plan's speed sample copies up to `limit` bytes this way: a kernel copy cannot stop early). The destination is
 * created exclusively (a temp left by a crash is removed and the create tried once more). Overlapped: chunk i is
 * written and chunk i+1 read while chunk i is hashed.
 */
export async function streamCopy(
  src: string,
  dst: string,
  ctl: CopyControl,
  limit = Infinity,
  opts: StreamOptions = {},
): Promise<{ hash: string; size: number }> {
  const h = createHash('sha256');
  const inp = await open(src, 'r');
  try {
    const out = await openExclusive(dst, opts.direct === true);
    try {
      let bufs = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
      let size = 0;
      const read = upTo(limit, (buf, len) => inp.read(buf, 0, len, null));
      let n = (await read(bufs[0]!)).bytesRead;
      while (n > 0) {
        if (ctl.stopRequested()) throw new CopyAbortedError();
        const cur = bufs[0]!.subarray(0, n);
        const io = Promise.all([writeAll(out, cur, opts.direct === true), read(bufs[1]!)]);
        h.update(cur);
        const [, r] = await io;
        size += n;
        ctl.onBytes?.(n);
        n = r.bytesRead;
        bufs = [bufs[1]!, bufs[0]!];
      }
      await out.sync();
      return { hash: h.digest('hex'), size };
    } finally {
      await out.close();
    }
  } finally {
    await inp.close();
  }
}

async function openExclusive(dst: string, direct: boolean): Promise<FileHandle> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (direct ? (O_DIRECT ?? 0) : 0);
  const once = () =>
    open(dst, flags, 0o600).catch((err: unknown) => {
      throw direct && refusesDirect(err) ? new DirectRefusedError(err) : err;
    });
  return once().catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
    await rm(dst, { force: true });
    return once();
  });
}

async function writeAll(fh: FileHandle, buf: Buffer, direct: boolean): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const r = await fh.write(buf, off, buf.length - off, null).catch((err: unknown) => {
      throw direct && refusesDirect(err) ? new DirectRefusedError(err) : err;
    });
    off += r.bytesWritten;
  }
}

/** Reads `len` bytes at most per call, `limit` in all; past it, answers end of file without reading. */
function upTo(
  limit: number,
  read: (buf: Buffer, len: number) => Promise<{ bytesRead: number }>,
): (buf: Buffer) => Promise<{ bytesRead: number }> {
  let requested = 0;
  return (buf) => {
    const len = Math.min(buf.length, limit - requested);
    requested += len;
    return len > 0 ? read(buf, len) : Promise.resolve({ bytesRead: 0 });
  };
}

/**
 * Reads both files chunk by chunk (the next pair is read while the current one is compared); true when identical, or,
 * with `limit`, when their first `limit` bytes are. `directA` reads `a` with O_DIRECT (a copy on a FUSE share, read
 * from the share rather than from this PC's page cache).
 */
export async function sameBytes(
  a: string,
  b: string,
  ctl?: CopyControl,
  limit = Infinity,
  opts: { directA?: boolean } = {},
): Promise<boolean> {
  return pairwise(a, b, limit, ctl, (x, y) => x.equals(y), opts.directA === true);
}

/** Walks two files in step, double-buffered; `check` sees each pair of equal-length chunks, false stops the walk. */
async function pairwise(
  a: string,
  b: string,
  limit: number,
  ctl: CopyControl | undefined,
  check: (x: Buffer, y: Buffer) => boolean,
  directA = false,
): Promise<boolean> {
  const fa = await open(a, constants.O_RDONLY | (directA ? (O_DIRECT ?? 0) : 0));
  try {
    const fb = await open(b, 'r');
    try {
      const bufs = [
        Buffer.allocUnsafe(CHUNK),
        Buffer.allocUnsafe(CHUNK),
        Buffer.allocUnsafe(CHUNK),
        Buffer.allocUnsafe(CHUNK),
      ] as const;
      let slot = 0;
      const [ra, rb] = [
        upTo(limit, (buf, len) => fa.read(buf, 0, len, null)),
        upTo(limit, (buf, len) => fb.read(buf, 0, len, null)),
      ];
      const readPair = (s: number) => Promise.all([ra(bufs[2 * s]!), rb(bufs[2 * s + 1]!)]);
      let cur = await readPair(slot);
      for (;;) {
        if (ctl?.stopRequested()) throw new CopyAbortedError();
        const [na, nb] = cur;
        if (na.bytesRead !== nb.bytesRead) return false;
        if (na.bytesRead === 0) return true;
        const next = readPair(1 - slot);
        const ok = check(bufs[2 * slot]!.subarray(0, na.bytesRead), bufs[2 * slot + 1]!.subarray(0, nb.bytesRead));
        cur = await next;
        if (!ok) return false;
        slot = 1 - slot;
      }
    } finally {
      await fb.close();
    }
  } finally {
    await fa.close();
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  // Makes the rename durable before the journal says the file is done. Windows cannot open folders: skip there.
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
