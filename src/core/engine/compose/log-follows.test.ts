// The follow registry over real child processes (sleep stands in for `compose logs --follow`): caps, ownership,
// release by subscriber, and no process outliving the subscriber that asked for it.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PushEvent } from '../../contract';
import { UpsFailure } from '../../contract';
import { createLogFollows, type FollowStream } from './log-follows';

const started: number[] = [];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One real long-running process per follow; stop() signals it, done settles when it has exited. */
async function startSleep(): Promise<FollowStream & { pid: number }> {
  const child = spawn('sleep', ['600'], { stdio: 'ignore' });
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => (child.once('spawn', resolve), child.once('error', reject)));
  started.push(child.pid!);
  return { pid: child.pid!, stop: () => void child.kill('SIGTERM'), done };
}

function registry(opts: { perSubscriber?: number; total?: number; slow?: Promise<void> } = {}) {
  const pushes: PushEvent[] = [];
  const follows = createLogFollows({
    start: async () => {
      await opts.slow;
      return startSleep();
    },
    publish: (e) => pushes.push(e),
    perSubscriber: opts.perSubscriber,
    total: opts.total,
  });
  return { follows, pushes };
}

async function failure(p: Promise<unknown>): Promise<UpsFailure> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpsFailure);
  return err as UpsFailure;
}

afterEach(() => {
  for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

describe('log follows', () => {
  it('refuses a follow without a subscriber, naming the field and how to get one', async () => {
    const { follows } = registry();
    const err = await failure(follows.follow(undefined, 'radarr', 10));
    expect(err.error).toMatchObject({ code: 'BAD_INPUT', field: 'subscriber' });
    expect(err.error.fix).toMatch(/x-ups-subscriber/);
    expect(started).toEqual([]);
  });

  it('caps each subscriber (the 5th names the limit) while another subscriber still gets its own', async () => {
    const { follows } = registry();
    for (let i = 0; i < 4; i++) await follows.follow('a', 'radarr', 10);
    const err = await failure(follows.follow('a', 'radarr', 10));
    expect(err.error.code).toBe('LIMIT_REACHED');
    expect(err.error.message).toMatch(/At most 4 logs/);
    await follows.follow('b', 'sonarr', 10);
    expect(follows.count('a')).toBe(4);
    expect(follows.count()).toBe(5);
    expect(started).toHaveLength(5);
  });

  it('caps all subscribers together', async () => {
    const { follows } = registry({ perSubscriber: 2, total: 3 });
    await follows.follow('a', 'radarr', 1);
    await follows.follow('a', 'radarr', 1);
    await follows.follow('b', 'radarr', 1);
    const err = await failure(follows.follow('c', 'radarr', 1));
    expect(err.error).toMatchObject({ code: 'LIMIT_REACHED' });
    expect(err.error.message).toMatch(/At most 3 logs .* in all windows/);
  });

  it('release stops every process of that subscriber (by pid), pushes `ended`, and leaves others running', async () => {
    const { follows, pushes } = registry();
    const a = [await follows.follow('a', 'radarr', 1), await follows.follow('a', 'sonarr', 1)];
    await follows.follow('b', 'radarr', 1);
    const [pa1, pa2, pb] = started as [number, number, number];
    expect(await follows.release('a')).toBe(2);
    expect([alive(pa1), alive(pa2), alive(pb)]).toEqual([false, false, true]);
    expect(follows.count('a')).toBe(0);
    expect(follows.count()).toBe(1);
    const ended = pushes.filter((p) => p.type === 'log' && p.ended).map((p) => (p as { streamId: string }).streamId);
    expect(ended.sort()).toEqual(a.map((s) => s.streamId).sort());
    // Its slots are free again.
    for (let i = 0; i < 4; i++) await follows.follow('a', 'radarr', 1);
  });

  it('unfollow stops only the caller’s own stream, once', async () => {
    const { follows } = registry();
    const { streamId } = await follows.follow('a', 'radarr', 1);
    expect(follows.unfollow('b', streamId)).toBe(false);
    expect(follows.unfollow(undefined, streamId)).toBe(false);
    expect(follows.unfollow('a', streamId)).toBe(true);
    expect(follows.unfollow('a', streamId)).toBe(false);
    expect(follows.unfollow('a', 'no-such-stream')).toBe(false);
    await follows.release('a');
    expect(alive(started[0]!)).toBe(false);
  });

  it('a subscriber that goes while its follow is still starting leaves no process behind', async () => {
    let go!: () => void;
    const slow = new Promise<void>((r) => (go = r));
    const { follows } = registry({ slow });
    const pending = follows.follow('a', 'radarr', 1);
    const released = follows.release('a');
    go();
    await pending;
    expect(await released).toBe(1);
    expect(started).toHaveLength(1);
    expect(alive(started[0]!)).toBe(false);
  });

  it('a start that fails frees its slot', async () => {
    const follows = createLogFollows({ start: () => Promise.reject(new Error('no such service')), publish: () => {}, perSubscriber: 1 });
    await expect(follows.follow('a', 'x', 1)).rejects.toThrow('no such service');
    expect(follows.count('a')).toBe(0);
  });

  it('concurrent bursts never start more than the caps allow, and release leaves zero processes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 12 }), async (callers) => {
        let go!: () => void;
        const slow = new Promise<void>((r) => (go = r));
        const { follows } = registry({ perSubscriber: 2, total: 5, slow });
        const results = callers.map((c) => follows.follow(c, 'radarr', 1).then(() => c, () => null));
        go();
        const ok = (await Promise.all(results)).filter((c) => c !== null);
        // Slots are taken in call order before any start finishes: exactly the greedy fill of the caps.
        const expected: string[] = [];
        for (const c of callers) if (expected.filter((x) => x === c).length < 2 && expected.length < 5) expected.push(c);
        expect(ok).toEqual(expected);
        const pids = started.splice(0);
        expect(pids).toHaveLength(ok.length);
        await Promise.all(['a', 'b', 'c'].map((c) => follows.release(c)));
        expect(pids.filter(alive)).toEqual([]);
      }),
      { numRuns: 10 },
    );
    // Real processes on a shared 2-core box: spawning up to 50 of them can take a while; no timing is asserted.
  }, 60_000);
});
