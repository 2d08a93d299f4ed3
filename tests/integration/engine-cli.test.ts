// The engine commands of the `ups` CLI, run in-process over an App service on the real engine and the fixture
// stack: exit codes 0/1/2, JSON envelopes for scripts, progress on stderr, errors with the fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliContext } from '../../src/cli/cli-context';
import { renderVpnLine, watchStatus } from '../../src/cli/commands/status-watch';
import { runCli } from '../../src/cli/program';
import type { StackStatus } from '../../src/core/contract';
import { allHealthy, createEngineHarness, svc, type EngineHarness } from '../fixtures/engine/harness';

let h: EngineHarness;

async function ups(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    version: 'test',
    app: () => h.app,
    serve: async () => 0,
    io: { out: (s) => out.push(s), err: (s) => err.push(s) },
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  // An egress URL nothing answers: the VPN check must then say "unknown", whatever network CI has.
  h = await createEngineHarness('cli', { engine: { vpnWatchIntervalMs: 0, egressUrl: 'http://127.0.0.1:9/ip' } });
});
afterAll(async () => {
  await h?.cleanup();
});

describe('ups engine commands', () => {
  it('up prints progress on stderr and exits 0', async () => {
    const mark = h.pushes.length;
    const r = await ups('up');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('up: done (whole stack)');
    expect(r.stderr).toMatch(/\[\d+\/\d+\] up: /);
    await h.waitForPush('healthy', (s) => allHealthy(s, 5), mark);
  });

  it('stop SERVICE --json answers the envelope', async () => {
    const mark = h.pushes.length;
    const r = await ups('stop', 'radarr', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, value: { verb: 'stop', services: ['radarr'] } });
    expect(r.stderr).toBe('');
    await h.waitForPush('radarr stopped', (s) => svc(s, 'radarr')?.state === 'exited', mark);
    expect((await ups('start', 'radarr')).code).toBe(0);
  });

  it('an unknown service exits 1 with the valid names as the fix', async () => {
    const r = await ups('restart', 'nosuch');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No such service in the stack: nosuch/);
    expect(r.stderr).toMatch(/fix: Use one of: .*radarr/);
  });

  it('logs without a service is bad usage (exit 2)', async () => {
    expect((await ups('logs')).code).toBe(2);
    expect((await ups('logs', 'radarr', '--tail', '5')).code).toBe(0);
  });

  it('logs --follow streams new lines as pushes until unfollowed', async () => {
    const lines: string[] = [];
    let ended = false;
    const off = h.app.subscribe((e) => {
      if (e.type !== 'log') return;
      if (e.line !== undefined) lines.push(e.line);
      if (e.ended) ended = true;
    });
    try {
      const started = await h.app.call('stack.logs.follow', { service: 'radarr', tail: 1 });
      if (!started.ok) throw new Error(started.error.message);
      const [c] = await h.docker.listContainers({
        filters: { label: [`com.docker.compose.project=${h.project}`, 'com.docker.compose.service=radarr'] },
      });
      const marker = `follow-marker-${Math.random().toString(36).slice(2)}`;
      // Written to the container's own stdout: exactly what `compose logs --follow` streams.
      const exec = await h.docker.getContainer(c!.Id).exec({ Cmd: ['sh', '-c', `echo ${marker} > /proc/1/fd/1`] });
      await exec.start({ Detach: true });
      const until = Date.now() + 20_000;
      while (!lines.some((l) => l.includes(marker)) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(lines.some((l) => l.includes(marker))).toBe(true);
      expect(await h.app.call('stack.logs.unfollow', { streamId: started.value.streamId })).toEqual({
        ok: true,
        value: { stopped: true },
      });
      const gone = Date.now() + 10_000;
      while (!ended && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
      expect(ended).toBe(true);
      expect(await h.app.call('stack.logs.unfollow', { streamId: started.value.streamId })).toEqual({
        ok: true,
        value: { stopped: false },
      });
    } finally {
      off();
    }
    const bad = await h.app.call('stack.logs.follow', { service: 'nosuch', tail: 1 });
    expect(bad.ok).toBe(false);
  });

  it('vpn check exits 1 unless safe (no egress server here → unknown), and says why', async () => {
    const r = await ups('vpn', 'check', '--json');
    expect(r.code).toBe(1);
    const env = JSON.parse(r.stdout) as { ok: boolean; value: { verdict: string; stopped: string[] } };
    expect(env.value.verdict).toBe('unknown');
    expect(env.value.stopped).toEqual([]);
  });

  it('update --check lists every service', async () => {
    const r = await ups('update', '--check');
    expect(r.code).toBe(0);
    for (const s of ['vpn', 'qbittorrent', 'nzbget', 'radarr', 'sonarr']) expect(r.stdout).toContain(s);
  });

  it('rollback with no applied update exits 1 with a fix', async () => {
    const r = await ups('rollback');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no applied update/i);
  });

  it('the status watch prints each pushed change (one JSON line each) until stopped', async () => {
    const lines: string[] = [];
    let release = () => {};
    const stop = new Promise<void>((r) => (release = r));
    const ctx = createCliContext(
      { version: 'test', app: () => h.app, serve: async () => 0, io: { out: (x) => lines.push(x), err: () => {} } },
      () => {},
    );
    const done = watchStatus(ctx, true, () => '', stop);
    const seen = (pred: (s: StackStatus) => boolean) => lines.some((l) => pred(JSON.parse(l) as StackStatus));
    const until = async (what: string, pred: (s: StackStatus) => boolean) => {
      const end = Date.now() + 30_000;
      while (!seen(pred)) {
        if (Date.now() > end) throw new Error(`watch never printed ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await until('the first status', (s) => s.services.length === 5);
    expect((await ups('stop', 'sonarr')).code).toBe(0);
    await until('sonarr exited', (s) => s.services.find((x) => x.service === 'sonarr')?.state === 'exited');
    release();
    await done;
    expect(
      renderVpnLine({
        ...(JSON.parse(lines[0]!) as StackStatus),
        vpn: { verdict: 'leak', reason: 'r', stopped: ['qbittorrent'], at: 't' },
      }),
    ).toBe('VPN: LEAK — r; stopped qbittorrent (checked t)');
  });

  it('down exits 0 and the stack is gone', async () => {
    const mark = h.pushes.length;
    expect((await ups('down')).code).toBe(0);
    await h.waitForPush('gone', (s) => s.services.length === 0, mark);
  });
});
