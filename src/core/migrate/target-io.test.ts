// The write mode per target: only a FUSE mount on Linux gets direct I/O; a statfs that fails, another filesystem or
// another platform keeps the kernel copy.
import { describe, expect, it } from 'vitest';
import { FUSE_SUPER_MAGIC, O_DIRECT, refusesDirect, writeModeFor } from './target-io';

const fsType = (type: number) => async () => ({ type });

describe('writeModeFor', () => {
  it('gives a FUSE mount on Linux direct I/O', async () => {
    expect(O_DIRECT).toBeTypeOf('number');
    expect(await writeModeFor('/mnt/share', 'linux', fsType(FUSE_SUPER_MAGIC))).toBe('direct');
  });

  it.each([
    ['ext4', 0xef53],
    ['cifs (the kernel client already writes big requests)', 0xff534d42],
    ['fusectl (not a FUSE mount)', 0x65735543],
  ])('keeps the kernel copy on %s', async (_name, type) => {
    expect(await writeModeFor('/mnt/x', 'linux', fsType(type))).toBe('kernel');
  });

  it('keeps the kernel copy on Windows, even for a type number that would be FUSE on Linux', async () => {
    expect(await writeModeFor('D:\\media', 'win32', fsType(FUSE_SUPER_MAGIC))).toBe('kernel');
  });

  it('keeps the kernel copy when statfs fails', async () => {
    const failing = async () => {
      throw Object.assign(new Error('no'), { code: 'ENOENT' });
    };
    expect(await writeModeFor('/gone', 'linux', failing)).toBe('kernel');
  });

  it('reads the real statfs of a local folder as kernel', async () => {
    expect(await writeModeFor(process.cwd())).toBe('kernel');
  });
});

describe('refusesDirect', () => {
  it('is EINVAL only', () => {
    expect(refusesDirect(Object.assign(new Error('x'), { code: 'EINVAL' }))).toBe(true);
    expect(refusesDirect(Object.assign(new Error('x'), { code: 'EIO' }))).toBe(false);
    expect(refusesDirect(null)).toBe(false);
  });
});
