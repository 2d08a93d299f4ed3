// Measures copy + verify throughput to the target with a short real sample (up to 32 MiB of the largest file): the
// streamed copy (hash, fsync) and the byte-for-byte read-back, then removed. A kernel copy cannot stop at a prefix, so
// the sample takes the streamed path, which moves the bytes through JS once more: the estimate errs on the slow side.
// On a FUSE share it writes and reads back with direct I/O, as the copy does there (target-io.ts).
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { DirectRefusedError, PART_PREFIX, sameBytes, streamCopy } from './copy-file';
import { writeModeFor } from './target-io';

const SAMPLE = 32 << 20;

export async function sampleRate(sourceFile: string | null, targetRoot: string): Promise<number> {
  if (!sourceFile) return 0;
  const tmp = path.join(targetRoot, `${PART_PREFIX}sample-${randomBytes(4).toString('hex')}`);
  const t0 = performance.now();
  let bytes = 0;
  try {
    let direct = (await writeModeFor(targetRoot)) === 'direct';
    const never = { stopRequested: () => false };
    bytes = (
      await streamCopy(sourceFile, tmp, never, SAMPLE, { direct }).catch(async (err: unknown) => {
        if (!(err instanceof DirectRefusedError)) throw err;
        direct = false;
        await rm(tmp, { force: true });
        return streamCopy(sourceFile, tmp, never, SAMPLE);
      })
    ).size;
    await sameBytes(tmp, sourceFile, undefined, bytes, { directA: direct });
  } finally {
    await rm(tmp, { force: true });
  }
  const secs = (performance.now() - t0) / 1000;
  return secs > 0 && bytes > 0 ? Math.round(bytes / secs) : 0;
}
