// Which filesystem kind a drive uses: on Windows from the name Get-Volume prints (windows-volume.ts), on Linux from
// statfs's magic number. exFAT/FAT cannot hold hardlinks (docs/decisions.md D7). Pure.
export type FsKind =
  'ntfs' | 'refs' | 'exfat' | 'fat' | 'ext' | 'xfs' | 'btrfs' | 'zfs' | 'overlay' | 'tmpfs' | 'network' | 'other';

export function fsTypeFromText(text: string): FsKind | undefined {
  const m = /\b(NTFS|ReFS|exFAT|FAT32|FAT16|FAT)\b/i.exec(text);
  if (!m) return undefined;
  const t = (m[1] ?? '').toLowerCase();
  return t === 'ntfs' ? 'ntfs' : t === 'refs' ? 'refs' : t === 'exfat' ? 'exfat' : 'fat';
}

/** Linux statfs f_type magic numbers (linux/magic.h). */
const magic: Record<number, FsKind> = {
  0xef53: 'ext',
  0x58465342: 'xfs',
  0x9123683e: 'btrfs',
  0x2fc12fc1: 'zfs',
  0x794c7630: 'overlay',
  0x01021994: 'tmpfs',
  0x2011bab0: 'exfat',
  0x4d44: 'fat',
  0x5346544e: 'ntfs',
  0x65735546: 'other', // fuse: could be anything (ntfs-3g, sshfs); hardlinks are tested for real at install
  0x6969: 'network',
  0xff534d42: 'network',
  0xfe534d42: 'network',
};

export function fsTypeFromMagic(type: number): FsKind {
  return magic[type >>> 0] ?? 'other';
}

export const noHardlinks = (k: FsKind) => k === 'exfat' || k === 'fat';
