// Measures copy + verify throughput to the target with a short real sample (up to 32 MiB of the largest file),
// written through the same path the copy uses (hash, fsync, read back), then removed.
import { createHash, randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import path from 'node:path';
import { hashFile, PART_PREFIX } from './copy-file';

const SAMPLE = 32 << 20;

export async function sampleRate(sourceFile: string | null, targetRoot: string): Promise<number> {
  if (!sourceFile) return 0;
  const tmp = path.join(targetRoot, `${PART_PREFIX}sample-${randomBytes(4).toString('hex')}`);
  const t0 = performance.now();
  let bytes = 0;
  try {
    const inp = await open(sourceFile, 'r');
    const out = await open(tmp, 'w');
    try {
      const h = createHash('sha256');
      const buf = Buffer.allocUnsafe(4 << 20);
      while (bytes < SAMPLE) {
        const { bytesRead } = await inp.read(buf, 0, Math.min(buf.length, SAMPLE - bytes), null);
        if (bytesRead === 0) break;
        h.update(buf.subarray(0, bytesRead));
        await out.write(buf, 0, bytesRead);
        bytes += bytesRead;
      }
      await out.sync();
      h.digest();
    } finally {
      await inp.close();
      await out.close();
    }
    await hashFile(tmp);
  } finally {
    await rm(tmp, { force: true });
  }
  const secs = (performance.now() - t0) / 1000;
  return secs > 0 && bytes > 0 ? Math.round(bytes / secs) : 0;
}
