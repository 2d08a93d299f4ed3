// The per-file copy on real files: the byte-for-byte read-back catches a copy that differs from its source (here the
// temp file is damaged after it was written, as a failing disk or share would), and leaves nothing behind.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyVerified, sameBytes, streamCopy, tempNameFor, VerifyMismatchError } from './copy-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ups-copy-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CHUNK = 1 << 20;

describe('sameBytes', () => {
  it('tells identical files from ones differing in the last byte of a later chunk, or in length', async () => {
    const body = randomBytes(2 * CHUNK + 17);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => path.join(dir, n)) as [string, string, string, string];
    await writeFile(a, body);
    await writeFile(b, body);
    const last = Buffer.from(body);
    last[last.length - 1] = last[last.length - 1]! ^ 0xff;
    await writeFile(c, last);
    await writeFile(d, body.subarray(0, body.length - 1));
    expect(await sameBytes(a, b)).toBe(true);
    expect(await sameBytes(a, c)).toBe(false);
    expect(await sameBytes(a, d)).toBe(false);
    expect(await sameBytes(d, a)).toBe(false);
    // A prefix: equal up to the last byte, which is where c differs.
    expect(await sameBytes(a, c, undefined, body.length - 1)).toBe(true);
    expect(await sameBytes(a, c, undefined, body.length)).toBe(false);
  });
});

describe("streamCopy with a limit (the plan's speed sample)", () => {
  it('copies exactly the first bytes, hashed', async () => {
    const body = randomBytes(2 * CHUNK + 3);
    await writeFile(path.join(dir, 'src'), body);
    const r = await streamCopy(
      path.join(dir, 'src'),
      path.join(dir, 'part'),
      { stopRequested: () => false },
      CHUNK + 7,
    );
    expect(r).toEqual({
      size: CHUNK + 7,
      hash: createHash('sha256')
        .update(body.subarray(0, CHUNK + 7))
        .digest('hex'),
    });
    expect((await readFile(path.join(dir, 'part'))).equals(body.subarray(0, CHUNK + 7))).toBe(true);
  });
});

describe('copyVerified', () => {
  it.each([3 * CHUNK + 5, 1000])('copies %i bytes with the source hash and the source times', async (len) => {
    const src = path.join(dir, 'src.mkv');
    const body = randomBytes(len);
    await writeFile(src, body);
    await utimes(src, 1_600_000_000, 1_600_000_000);
    const r = await copyVerified(src, path.join(dir, 'dst.mkv'), { stopRequested: () => false });
    // Buffer.equals: a deep toEqual walks 3 MiB element by element.
    expect((await readFile(path.join(dir, 'dst.mkv'))).equals(await readFile(src))).toBe(true);
    expect(r.size).toBe(len);
    expect(r.hash).toBe(createHash('sha256').update(body).digest('hex'));
    expect((await stat(path.join(dir, 'dst.mkv'))).mtimeMs).toBe(1_600_000_000_000);
  });

  // 3 MiB goes through the hashing thread; 100 KiB is verified on the main thread (a small file).
  it.each([3 * CHUNK, 100 << 10])(
    'refuses a %i-byte copy whose read-back differs, and removes its temp',
    async (len) => {
      const src = path.join(dir, 'src.mkv');
      const dst = path.join(dir, 'dst.mkv');
      await writeFile(src, randomBytes(len));
      let written = 0;
      const damage = (n: number) => {
        written += n;
        if (written < len) return;
        // The last chunk is being written: flip the first byte already on "disk".
        const fd = openSync(tempNameFor(dst), 'r+');
        writeSync(fd, Buffer.from([0x00, 0x01, 0x02]), 0, 3, 0);
        closeSync(fd);
      };
      await expect(copyVerified(src, dst, { stopRequested: () => false, onBytes: damage })).rejects.toBeInstanceOf(
        VerifyMismatchError,
      );
      expect(await readdir(dir)).toEqual(['src.mkv']);
    },
  );
});
