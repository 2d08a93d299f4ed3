// The hashing thread: sessions interleaved chunk by chunk each get their own file's SHA-256, buffers come back for
// reuse, and a session closed early leaves the others intact.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HashSession } from './hash-worker';

const CHUNK = 64 << 10;

async function feed(s: HashSession, body: Buffer, from: number): Promise<void> {
  const b = await s.buffer();
  const n = body.copy(b, 0, from, Math.min(body.length, from + CHUNK));
  s.update(b, n);
}

describe('HashSession', () => {
  it('hashes interleaved files separately, reusing two buffers each', async () => {
    const bodies = [randomBytes(5 * CHUNK + 3), randomBytes(3 * CHUNK)];
    const sessions = bodies.map(() => new HashSession(CHUNK, 2));
    const dropped = new HashSession(CHUNK, 2);
    await feed(dropped, randomBytes(CHUNK), 0);
    dropped.close();
    for (let off = 0; off < 5 * CHUNK + 3; off += CHUNK)
      for (const [i, body] of bodies.entries()) if (off < body.length) await feed(sessions[i]!, body, off);
    const got = await Promise.all(sessions.map((s) => s.digest()));
    expect(got).toEqual(bodies.map((b) => createHash('sha256').update(b).digest('hex')));
  });

  it('hashes an empty file', async () => {
    expect(await new HashSession(CHUNK).digest()).toBe(createHash('sha256').digest('hex'));
  });
});
