// The filesystem name → kind mapping and warnings (exFAT/FAT detection is pure), and the mountinfo lookup.
import { describe, expect, it } from 'vitest';
import { filesystemWarning, fsKindFromName, fsTypeFromMountInfo } from './location-fs';

describe('fsKindFromName', () => {
  it.each([
    ['exfat', 'exfat'],
    ['exFAT', 'exfat'],
    ['vfat', 'fat'],
    ['msdos', 'fat'],
    ['FAT32', 'fat'],
    ['FAT', 'fat'],
    ['NTFS', 'ntfs'],
    ['ntfs3', 'ntfs'],
    ['ReFS', 'refs'],
    ['ext4', 'ext'],
    ['xfs', 'xfs'],
    ['btrfs', 'btrfs'],
    ['tmpfs', 'tmpfs'],
    ['overlay', 'overlay'],
    ['cifs', 'network'],
    ['nfs4', 'network'],
    ['fuseblk', 'other'],
    ['', 'other'],
  ] as const)('%s → %s', (name, kind) => expect(fsKindFromName(name)).toBe(kind));
});

describe('filesystemWarning', () => {
  it('warns that exFAT and FAT cannot hardlink, naming the filesystem and the fix', () => {
    for (const name of ['exFAT', 'vfat', 'FAT32']) {
      const w = filesystemWarning(name);
      expect(w).toContain(name);
      expect(w).toMatch(/cannot hold hardlinks.*NTFS/);
    }
  });
  it('warns for memory, container-layer and network filesystems', () => {
    expect(filesystemWarning('tmpfs')).toMatch(/lost at the next restart/);
    expect(filesystemWarning('overlay')).toMatch(/container/);
    expect(filesystemWarning('cifs')).toMatch(/network share.*Migrate to NAS/);
  });
  it('stays quiet for good local filesystems and unknown ones', () => {
    for (const name of ['NTFS', 'ext4', 'xfs', 'btrfs', 'unknown']) expect(filesystemWarning(name)).toBeUndefined();
  });
});

describe('fsTypeFromMountInfo', () => {
  // Lines in the shape of /proc/self/mountinfo on this Debian 12 machine (proc(5) documents the fields).
  const mountinfo = [
    '24 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw',
    '30 24 0:26 / /dev/shm rw,nosuid,nodev shared:4 - tmpfs tmpfs rw,size=24684096k',
    '40 24 8:17 / /media/usb\\040stick rw,relatime - exfat /dev/sdb1 rw',
    '41 24 8:18 / /media/us rw,relatime - vfat /dev/sdb2 rw',
  ].join('\n');
  it('picks the longest mount point that holds the path', () => {
    expect(fsTypeFromMountInfo(mountinfo, '/dev/shm/ups/media')).toBe('tmpfs');
    expect(fsTypeFromMountInfo(mountinfo, '/media/usb stick/films')).toBe('exfat');
    expect(fsTypeFromMountInfo(mountinfo, '/media/us')).toBe('vfat');
    // /media/usb is not inside /media/us: prefixes count only at a path boundary.
    expect(fsTypeFromMountInfo(mountinfo, '/media/usbx')).toBe('ext4');
    expect(fsTypeFromMountInfo(mountinfo, '/srv/ups')).toBe('ext4');
  });
  it('is undefined when nothing parses', () => expect(fsTypeFromMountInfo('', '/srv')).toBeUndefined());
});
