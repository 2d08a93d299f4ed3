// Checks a folder the app is about to write into, before anything is written or the vault is touched: the path fits
// this platform (a drive-letter path on Linux would land in ./C:/…), it is not under a pseudo-filesystem (/proc, /sys,
// /dev, where mkdir never ends or means something else), nothing on the way is a file, and the app may write there.
import { constants } from 'node:fs';
import { access, lstat, realpath, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { UpsError } from '../contract/envelope';

export interface WriteTarget {
  /** The folder (it may not exist yet). */
  path: string;
  /** The field the error names, e.g. "installRoot". */
  field: string;
  /** Plain words, e.g. "the install folder". */
  label: string;
  /** false: only the shape and the place are checked (e.g. a data folder made later on a share). */
  mustBeWritable?: boolean;
}

const pseudoPrefix = /^\/(proc|sys|dev)(\/|$)/;
// statfs magic numbers of kernel pseudo-filesystems (linux/magic.h): proc, sysfs, devpts, debugfs, securityfs,
// cgroup, cgroup2, pstore, tracefs, bpf, configfs, fusectl.
const pseudoTypes = new Set([
  0x9fa0, 0x62656572, 0x1cd1, 0x64626720, 0x73636673, 0x27e0eb, 0x63677270, 0x6165676c, 0x74726163, 0xcafe4a11,
  0x62656570, 0x65735543,
]);
/** Room kept for what goes under the folder: `.backups/<stamp>/compose.yaml` and its temp names. */
const ROOM = 80;

const isWindowsShaped = (p: string) => /^[A-Za-z]:([\\/]|$)/.test(p) || /^\\\\/.test(p) || p.includes('\\');

/** The first problem with writing under `t.path` on `platform`, or null when it can be written. */
export async function checkWriteTarget(
  t: WriteTarget,
  platform: NodeJS.Platform = process.platform,
): Promise<UpsError | null> {
  const problem = (message: string, fix: string): UpsError => ({
    code: 'BAD_INPUT',
    field: t.field,
    message: `${t.field}: ${message}`,
    fix,
  });
  const p = t.path;
  if (platform !== 'win32' && isWindowsShaped(p))
    return problem(
      `${p} is a Windows path, and this computer is not Windows.`,
      `Give ${t.label} as a folder of this computer, e.g. /srv/ultimate-plex-stack.`,
    );
  if (platform === 'win32' && !/^[A-Za-z]:[\\/]/.test(p) && !/^\\\\/.test(p))
    return problem(
      `${p} is not a full Windows path.`,
      `Give ${t.label} with its drive letter, e.g. D:\\UltimatePlexStack.`,
    );
  const long = path.resolve(p);
  const tooLongPart = long.split(/[\\/]/).find((part) => Buffer.byteLength(part) > 255);
  if (tooLongPart)
    return problem(`a folder name in ${p} is longer than 255 characters.`, `Choose a shorter folder for ${t.label}.`);
  const max = platform === 'win32' ? 259 : 4095;
  if (long.length + ROOM > max)
    return problem(
      `${p} is too long for this system (at most ${max - ROOM} characters leave room for the files under it).`,
      `Choose a shorter folder for ${t.label}.`,
    );
  if (platform !== 'win32' && pseudoPrefix.test(long))
    return problem(`${p} is a system folder (${long}), not a place for files.`, `Choose a folder on a normal drive.`);
  // The nearest part of the path that exists decides where the folder would be made.
  let existing = long;
  for (;;) {
    const info = await lstat(existing).catch((err: NodeJS.ErrnoException) => err);
    if (!(info instanceof Error)) {
      if (info.isSymbolicLink() || info.isDirectory()) break;
      return problem(
        `${existing} is a file, so no folder can be made ${existing === long ? 'there' : 'inside it'}.`,
        `Choose another folder for ${t.label}, or move that file away.`,
      );
    }
    // ENOTDIR: a part further up is a file; walking up finds and names it.
    if (info.code !== 'ENOENT' && info.code !== 'ENOTDIR')
      return problem(
        `${existing} cannot be checked (${info.code ?? info.message}).`,
        `Choose another folder for ${t.label}.`,
      );
    const up = path.dirname(existing);
    if (up === existing) break;
    existing = up;
  }
  const real = await realpath(existing).catch(() => existing);
  if (platform !== 'win32' && pseudoPrefix.test(real))
    return problem(
      `${p} is under the system folder ${real}, not a place for files.`,
      `Choose a folder on a normal drive.`,
    );
  if (platform === 'linux') {
    const fsInfo = await statfs(real).catch(() => null);
    if (fsInfo && pseudoTypes.has(Number(fsInfo.type)))
      return problem(
        `${p} is on a system filesystem (type 0x${Number(fsInfo.type).toString(16)}), not a drive for files.`,
        `Choose a folder on a normal drive.`,
      );
  }
  const info = await lstat(real).catch(() => null);
  if (info && !info.isDirectory()) return problem(`${real} is not a folder.`, `Choose another folder for ${t.label}.`);
  if (t.mustBeWritable !== false) {
    const denied = await access(real, constants.W_OK).then(
      () => null,
      (err: NodeJS.ErrnoException) => err.code ?? 'EACCES',
    );
    if (denied)
      return problem(
        denied === 'EROFS'
          ? `${real} is on a read-only drive.`
          : `the app may not write in ${real} (the system answered ${denied}).`,
        `Choose a folder you can write to for ${t.label}, or change the permissions of ${real}.`,
      );
  }
  return null;
}

/** Every problem of a set of targets (in order); empty when all of them can be written. */
export async function checkWriteTargets(targets: WriteTarget[], platform?: NodeJS.Platform): Promise<UpsError[]> {
  const out: UpsError[] = [];
  for (const t of targets) {
    const e = await checkWriteTarget(t, platform);
    if (e) out.push(e);
  }
  return out;
}
