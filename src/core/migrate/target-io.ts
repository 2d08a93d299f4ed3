// How the NAS copy writes into a target folder. A FUSE mount on Linux (smbnetfs, sshfs, rclone…) gets direct I/O:
// without it the kernel sends a FUSE daemon one request per 4 KiB page of a buffered write unless the daemon asked
// for big writes (Linux fs/fuse/file.c: fuse_fill_write_pages stops after one page when !fc->big_writes), while an
// O_DIRECT write goes out in requests of up to max_write (fuse_direct_io, 128 KiB by default). On the loopback
// smbnetfs share of the bench, one 64 MiB file took 2.5 s buffered (any block size, also a kernel copy) and 0.2 s
// direct. Direct reads also bypass the page cache, so the read-back of a copy on such a share reaches the FUSE daemon
// (and through it the server) instead of pages this PC still holds (docs/decisions.md D35). Every other target, and
// every other platform (CopyFileW already writes big requests to a Windows share), takes the kernel copy.
import { constants } from 'node:fs';
import { statfs } from 'node:fs/promises';

/** statfs f_type of a FUSE mount (linux/magic.h FUSE_SUPER_MAGIC). */
export const FUSE_SUPER_MAGIC = 0x65735546;

/** `kernel`: fs.copyFile then a buffered read-back; `direct`: streamed O_DIRECT writes and an O_DIRECT read-back. */
export type WriteMode = 'kernel' | 'direct';

/** The open(2) flag for direct I/O here, or undefined where Node has none (Windows, macOS). */
export const O_DIRECT: number | undefined = (constants as { O_DIRECT?: number }).O_DIRECT;

/** The write mode for a folder from its statfs type; `platform` and `statfsOf` are parameters for the tests. */
export async function writeModeFor(
  dir: string,
  platform: NodeJS.Platform = process.platform,
  statfsOf: (p: string) => Promise<{ type: number }> = statfs,
): Promise<WriteMode> {
  if (platform !== 'linux' || O_DIRECT === undefined) return 'kernel';
  const st = await statfsOf(dir).catch(() => null);
  return st && st.type >>> 0 === FUSE_SUPER_MAGIC ? 'direct' : 'kernel';
}

/**
 * True for the error open(2) gives when a filesystem cannot do O_DIRECT ("EINVAL The filesystem does not support the
 * O_DIRECT flag"): the copy then falls back to the kernel copy for that target.
 */
export function refusesDirect(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'EINVAL';
}
