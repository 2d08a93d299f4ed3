// Reads what the hardlink test container printed and explains a failure with its cause and fix (docs/decisions.md D7).

export interface HardlinkResult {
  ok: boolean;
  detail: string;
  /** Why it failed, in words a user can act on. */
  explanation?: string;
  fix?: string;
}

interface MountLine {
  mountPoint: string;
  fsType: string;
}

/** /proc/self/mountinfo: "36 35 98:0 /src /mnt/point rw,noatime shared:1 - ext4 /dev/sda1 rw". */
export function parseMountInfo(line: string): MountLine | undefined {
  const [left, right] = line.split(' - ');
  const fields = left?.trim().split(/\s+/) ?? [];
  const fsType = right?.trim().split(/\s+/)[0];
  const mountPoint = fields[4];
  return mountPoint && fsType ? { mountPoint: mountPoint.replace(/\\040/g, ' '), fsType } : undefined;
}

const FAT_FS = new Set(['vfat', 'msdos', 'exfat', 'fat', 'fuseblk-exfat']);
const NETWORK_FS = new Set(['cifs', 'smb3', 'smbfs', 'nfs', 'nfs4', 'fuse.sshfs', 'afpfs']);

export function interpretHardlinkOutput(output: string): HardlinkResult {
  const lines = output.split(/\r?\n/);
  const result =
    lines
      .find((l) => l.startsWith('UPS_RESULT '))
      ?.slice('UPS_RESULT '.length)
      .trim() ?? '';
  const mounts = lines
    .filter((l) => l.startsWith('UPS_MOUNT '))
    .map((l) => parseMountInfo(l.slice('UPS_MOUNT '.length)))
    .filter((m): m is MountLine => !!m);
  const under = (dir: string) => mounts.filter((m) => m.mountPoint === dir || m.mountPoint.startsWith(`${dir}/`));
  const dataMount = mounts.find((m) => m.mountPoint === '/data');
  const fsType = dataMount?.fsType ?? mounts[0]?.fsType ?? 'unknown';
  const separate =
    under('/data/torrents').length > 0 || under('/data/media').length > 0 || under('/data/usenet').length > 0;

  if (result.startsWith('linked ')) {
    const [inoA, countA, inoB, countB] = result.slice('linked '.length).split(/\s+/);
    if (inoA && inoA === inoB && Number(countA) >= 2 && Number(countB) >= 2) {
      return {
        ok: true,
        detail: `Hardlinks work on /data (${fsType}): /data/torrents and /data/media share inode ${inoA}, link count ${countA}.`,
      };
    }
    return {
      ok: false,
      detail: `The link was made but is not a hardlink (inodes ${inoA}/${inoB}, link counts ${countA}/${countB}) on ${fsType}.`,
      explanation:
        'The drive or share copies files instead of hard-linking them, so every import would use the space twice.',
      fix: 'Use a local NTFS (Windows) or ext4/btrfs/xfs drive for the media folder.',
    };
  }
  if (result.startsWith('write-failed')) {
    return {
      ok: false,
      detail: `Could not create a file under /data/torrents: ${result.slice('write-failed'.length).trim()}`,
      explanation: 'The media folder is not writable for the stack.',
      fix: 'Pick a folder your user can write to (not a read-only or protected drive), or fix its permissions, then run the check again.',
    };
  }
  const reason = result.replace(/^link-failed\s*/, '');
  if (separate || /cross-device|EXDEV/i.test(reason)) {
    return {
      ok: false,
      detail: `Hard-linking /data/torrents → /data/media failed: ${reason || 'different mounts'}.`,
      explanation:
        'Torrents and media are on different mounts (separate drives, partitions or separate folder mounts), and a hardlink cannot cross a mount.',
      fix: 'Keep torrents, usenet and media in ONE folder on ONE drive and mount only that folder as /data (the generated compose.yaml does this; remove any extra mounts for /data/torrents or /data/media).',
    };
  }
  if (FAT_FS.has(fsType)) {
    return {
      ok: false,
      detail: `Hard-linking failed on a ${fsType} file system: ${reason}.`,
      explanation: 'exFAT and FAT32 drives do not support hardlinks.',
      fix: 'Use an NTFS-formatted drive for the media folder (or reformat this one as NTFS after backing it up).',
    };
  }
  if (NETWORK_FS.has(fsType)) {
    return {
      ok: false,
      detail: `Hard-linking failed on a network share (${fsType}): ${reason}.`,
      explanation: 'This network share does not support hardlinks.',
      fix: 'Use a local drive, or a NAS share with hardlink support (NFS, or SMB with Unix extensions), for the whole /data folder.',
    };
  }
  return {
    ok: false,
    detail: `Hard-linking failed on ${fsType}: ${reason || 'no result from the test container'}.`,
    explanation: 'The media folder does not allow hardlinks.',
    fix: 'Use a local NTFS (Windows) or ext4 drive for the media folder, mounted once as /data.',
  };
}
