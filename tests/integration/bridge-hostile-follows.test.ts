// Followed logs through the real bridge on the real engine: a burst of follow calls starts at most the
// caps of `compose logs --follow` processes (per event stream, overall), and once the streams are gone, so is every
// process (checked by pid). Bounded: three streams, 22 calls, every wait capped.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../src/bridge/server';
import { commandRunner, detectCompose } from '../../src/core/engine/compose-detect';
import { memo } from '../../src/core/probes/probe';
import { createEngineHarness, type EngineHarness } from '../fixtures/engine/harness';
import { openEventStream, rawRequest, type RawReply } from '../helpers/raw-http';

let h: EngineHarness;
let bridge: RunningBridge;

beforeAll(async () => {
  // Compose detection is asked once: on a loaded 2-core box four concurrent `docker-compose version` runs can
  // outlast its 10 s limit, and detection is not what this suite tests.
  // Small caps (2 per stream, 3 in all) keep this to three python compose processes; the defaults (4/16) are
  // covered by log-follows.test.ts.
  h = await createEngineHarness('follow-caps', {
    detectCompose: memo(() => detectCompose(commandRunner(process.env))),
    engine: { vpnWatchIntervalMs: 0, follows: { perSubscriber: 2, total: 3 } },
  });
  expect((await h.deps.detectCompose()).available).toBe(true);
  // One ordinary service is enough to follow; nothing depends on it.
  await h.compose('up', '-d', 'radarr');
  const renderer = await mkdtemp(join(tmpdir(), 'ups-t-follow-renderer-'));
  await writeFile(join(renderer, 'index.html'), '<!doctype html>');
  bridge = await startBridge({ app: h.app, rendererDir: renderer });
});
afterAll(async () => {
  await bridge?.close();
  await h?.cleanup();
});

/** Pids of this project's follow processes, read from /proc (what a user would see in a process list). */
async function followPids(): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const argv = await readFile(`/proc/${entry}/cmdline`, 'utf8').then(
      (s) => s.split('\0'),
      () => [] as string[],
    );
    if (argv.includes('--follow') && argv.includes('logs') && argv.includes(h.project)) pids.push(Number(entry));
  }
  return pids.sort((a, b) => a - b);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, done: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const follow = (subscriber: string) =>
  rawRequest(
    bridge.port,
    [
      'POST /api/call/stack.logs.follow HTTP/1.1',
      `Host: 127.0.0.1:${bridge.port}`,
      `Authorization: Bearer ${bridge.token}`,
      `X-Ups-Subscriber: ${subscriber}`,
      'Content-Type: application/json',
      'Content-Length: 29',
      'Connection: close',
    ],
    { body: ['{"service":"radarr","tail":1}'], waitMs: 90_000 },
  );
const started = (r: RawReply) => r.status === 200 && (JSON.parse(r.body) as { ok: boolean }).ok;

describe('stack.logs.follow over the bridge', () => {
  it('caps follows per event stream and in all, and stops every process when the streams go', async () => {
    const auth = { authorization: `Bearer ${bridge.token}` };
    const a = await openEventStream(bridge.port, auth, 'stream-a-0123456789abcdef');
    const b = await openEventStream(bridge.port, auth, 'stream-b-0123456789abcdef');
    try {
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(await followPids()).toEqual([]);

      // Twenty at once from one page: two start, eighteen are refused naming the limit.
      const burst = await Promise.all(Array.from({ length: 20 }, () => follow('stream-a-0123456789abcdef')));
      expect(burst.filter(started)).toHaveLength(2);
      const refused = burst.filter((r) => !started(r));
      expect(refused).toHaveLength(18);
      for (const r of refused) {
        expect(r.status).toBe(429);
        expect(JSON.parse(r.body).error).toMatchObject({ code: 'LIMIT_REACHED' });
        expect(JSON.parse(r.body).error.message).toMatch(/At most 2 logs .* one window/);
      }
      // Another page gets its own, up to the overall cap.
      const b1 = await follow('stream-b-0123456789abcdef');
      expect(started(b1) ? 'started' : b1.body).toBe('started');
      const b2 = await follow('stream-b-0123456789abcdef');
      expect(b2.status).toBe(429);
      expect(JSON.parse(b2.body).error.message).toMatch(/At most 3 logs .* in all windows/);
      await until('three follow processes', async () => (await followPids()).length === 3);
      const all = await followPids();

      // The lines do reach the page that asked: a marker written to the container's own stdout.
      const [c] = await h.docker.listContainers({
        filters: { label: [`com.docker.compose.project=${h.project}`, 'com.docker.compose.service=radarr'] },
      });
      const marker = `follow-marker-${Math.random().toString(36).slice(2)}`;
      await (
        await h.docker.getContainer(c!.Id).exec({ Cmd: ['sh', '-c', `echo ${marker} > /proc/1/fd/1`] })
      ).start({ Detach: true });
      await until('the marker line on stream a', () => a.data.join('').includes(marker));

      a.close();
      await until('stream a’s processes exit', async () => (await followPids()).length === 1);
      const left = await followPids();
      const gone = all.filter((p) => !left.includes(p));
      expect(gone).toHaveLength(2);
      await until('stream a’s pids are gone', () => gone.every((p) => !alive(p)));
      expect(left.every(alive)).toBe(true);

      b.close();
      await until('no follow process left', async () => (await followPids()).length === 0);
      await until('every pid gone', () => all.every((p) => !alive(p)));
    } finally {
      a.close();
      b.close();
    }
  });

  it('a follow whose stream closed before the call is refused and starts nothing', async () => {
    const c = await openEventStream(
      bridge.port,
      { authorization: `Bearer ${bridge.token}` },
      'stream-c-0123456789abcdef',
    );
    c.close();
    // Bounded retry: the close reaches the bridge asynchronously; until then the call would still bind.
    let r = await follow('stream-c-0123456789abcdef');
    for (let i = 0; started(r) && i < 20; i++) {
      await until('no follow process left', async () => (await followPids()).length === 0);
      r = await follow('stream-c-0123456789abcdef');
    }
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toMatchObject({ code: 'BAD_INPUT', field: 'subscriber' });
    await until('no follow process left', async () => (await followPids()).length === 0);
  });
});
