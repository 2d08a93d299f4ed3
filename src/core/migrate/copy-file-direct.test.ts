// The direct-I/O path of the per-file copy on a target taken for a FUSE share (target-io.ts is told so here; the real
// share is in tests/integration/migrate-smb.test.ts): the copy is streamed with O_DIRECT and read back with it, and a
// filesystem that refuses O_DIRECT (open(2) answers EINVAL, simulated by wrapping `open`) falls back to the kernel
// copy for that device, with the refused attempt's progress taken back.
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const io = vi.hoisted(() => ({ refuse: false, directOpens: [] as string[] }));

vi.mock('./target-io', async (orig) => ({
  ...(await orig<typeof import('./target-io')>()),
  writeModeFor: async () => 'direct' as const,
}));

vi.mock('node:fs/promises', async (orig) => {
  const real = await orig<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (file, flags, mode) => {
    if (typeof flags === 'number' && (flags & constants.O_DIRECT) !== 0) {
      if (io.refuse)
        throw Object.assign(new Error(`EINVAL: invalid argument, open '${String(file)}'`), { code: 'EINVAL' });
      io.directOpens.push(path.basename(String(file)));
      // The real open without O_DIRECT: local folders in CI may require aligned buffers, a FUSE share does not.
      return real.open(file, flags & ~constants.O_DIRECT, mode);
    }
    return real.open(file, flags, mode);
  };
  return { ...real, open, default: { ...real, open } };
});

const { copyVerified, tempNameFor } = await import('./copy-file');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ups-copy-direct-'));
  io.refuse = false;
  io.directOpens = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('copyVerified on a FUSE share', () => {
  it('streams the copy with O_DIRECT and reads it back with O_DIRECT', async () => {
    const body = randomBytes(3 * (1 << 20) + 5);
    await writeFile(path.join(dir, 'src.mkv'), body);
    const dst = path.join(dir, 'dst.mkv');
    let told = 0;
    const r = await copyVerified(path.join(dir, 'src.mkv'), dst, {
      stopRequested: () => false,
      onBytes: (n) => (told += n),
    });
    expect(r.via).toBe('direct');
    expect(r.hash).toBe(createHash('sha256').update(body).digest('hex'));
    expect((await readFile(dst)).equals(body)).toBe(true);
    // Written through the temp, then read back from it: two opens with O_DIRECT, both of the temp.
    expect(io.directOpens).toEqual([path.basename(tempNameFor(dst)), path.basename(tempNameFor(dst))]);
    expect(told).toBe(body.length);
  });

  it('falls back to the kernel copy where O_DIRECT is refused, and keeps that choice for the device', async () => {
    io.refuse = true;
    const body = randomBytes(100_000);
    await writeFile(path.join(dir, 'a.srt'), body);
    let told = 0;
    const ctl = { stopRequested: () => false, onBytes: (n: number) => (told += n) };
    const first = await copyVerified(path.join(dir, 'a.srt'), path.join(dir, 'b.srt'), ctl);
    expect(first.via).toBe('kernel');
    expect((await readFile(path.join(dir, 'b.srt'))).equals(body)).toBe(true);
    expect(told).toBe(body.length);
    io.refuse = false;
    const second = await copyVerified(path.join(dir, 'a.srt'), path.join(dir, 'c.srt'), ctl);
    expect(second.via).toBe('kernel');
    expect(io.directOpens).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['a.srt', 'b.srt', 'c.srt']);
  });
});
