// Which filesystem holds a folder, by name (ext4, tmpfs, NTFS, exFAT …), and what that means for the stack. The
// mapping and the mountinfo lookup are pure; exFAT/FAT cannot hold hardlinks (docs/decisions.md D7).
import type { FsKind } from './windows/fs-type';
import { parseMountInfo } from './hardlink-result';

const byName: Record<string, FsKind> = {
  ntfs: 'ntfs',
  ntfs3: 'ntfs',
  refs: 'refs',
  exfat: 'exfat',
  vfat: 'fat',
  msdos: 'fat',
  fat: 'fat',
  fat12: 'fat',
  fat16: 'fat',
  fat32: 'fat',
  umsdos: 'fat',
  ext2: 'ext',
  ext3: 'ext',
  ext4: 'ext',
  xfs: 'xfs',
  btrfs: 'btrfs',
  zfs: 'zfs',
  overlay: 'overlay',
  tmpfs: 'tmpfs',
  ramfs: 'tmpfs',
  cifs: 'network',
  smb3: 'network',
  smbfs: 'network',
  nfs: 'network',
  nfs4: 'network',
  '9p': 'network',
  'fuse.sshfs': 'network',
  afpfs: 'network',
};

/** A type name as mountinfo or Get-Volume prints it → its kind; anything unlisted (fuseblk, drvfs …) is "other". */
export function fsKindFromName(name: string): FsKind {
  return byName[name.trim().toLowerCase()] ?? 'other';
}

/** Why this filesystem is a poor home for the media folder, or undefined when it is a good one. */
export function filesystemWarning(name: string): string | undefined {
  const kind = fsKindFromName(name);
  switch (kind) {
    case 'exfat':
    case 'fat':
      return `${name} cannot hold hardlinks, so every import would be a full second copy; use an NTFS drive (Windows) or ext4/XFS/Btrfs (Linux) for the media folder.`;
    case 'network':
      return `${name} is a network share: keep the media folder on a local drive now and move it to a NAS later with "Migrate to NAS".`;
    case 'tmpfs':
      return `${name} lives in memory: everything in it is lost at the next restart; choose a folder on a disk.`;
    case 'overlay':
      return `${name} is a container's own layer: files there vanish with the container; choose a folder on a real disk.`;
    default:
      return undefined;
  }
}

/** The filesystem type of the mount that holds `realPath` (longest matching mount point in /proc/self/mountinfo). */
export function fsTypeFromMountInfo(mountinfo: string, realPath: string): string | undefined {
  let best: { mountPoint: string; fsType: string } | undefined;
  for (const line of mountinfo.split('\n')) {
    const m = parseMountInfo(line);
    if (!m) continue;
    const inside = m.mountPoint === '/' || realPath === m.mountPoint || realPath.startsWith(`${m.mountPoint}/`);
    if (inside && (!best || m.mountPoint.length >= best.mountPoint.length)) best = m;
  }
  return best?.fsType;
}
