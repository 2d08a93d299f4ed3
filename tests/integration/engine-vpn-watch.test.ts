// VPN watch on the real engine with the gluetun stand-in (its control endpoints are files the test rewrites through
// docker exec) and a test egress server answering the caller's address. Tunnel down or egress equal to the host's →
// download clients stopped, the verdict pushed and recorded; a check that cannot run → "unknown", never "safe".
import { createServer, type Server } from 'node:http';
import { testAppDeps } from '../helpers/test-app';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import type { PushEvent, StackStatus } from '../../src/core/contract';
import { projectContainers } from '../../src/core/engine/vpn-dependents';
import { execIn } from '../../src/core/engine/vpn-exec';
import { readVpnWatchRecord } from '../../src/core/engine/vpn-watch-record';
import { allHealthy, createEngineHarness, svc, type EngineHarness } from '../fixtures/engine/harness';

let h: EngineHarness;
let echo: Server;
// "direct": answer each caller's own address (VPN egress differs from the host's); "same-nat": every caller appears
// behind one public address, as the host and a leaking client would on a home router.
let echoMode: 'direct' | 'same-nat' = 'direct';
let watchApp: AppService;
const watchPushes: PushEvent[] = [];
let unsubscribe = () => {};

async function vpnId(): Promise<string> {
  const c = (await projectContainers(h.docker, h.project)).find((x) => x.service === 'vpn');
  if (!c) throw new Error('no vpn container');
  return c.id;
}
async function setControl(path: string, body: string | null): Promise<void> {
  const cmd = body === null ? `rm -f /www${path}` : `mkdir -p $(dirname /www${path}) && echo '${body}' > /www${path}`;
  const r = await execIn(h.docker, await vpnId(), ['sh', '-c', cmd]);
  if (r.exitCode !== 0) throw new Error(`could not set ${path}: ${r.stderr}`);
}
async function clientStates(): Promise<Record<string, boolean>> {
  const all = await projectContainers(h.docker, h.project);
  return Object.fromEntries(
    all.filter((c) => c.service === 'qbittorrent' || c.service === 'nzbget').map((c) => [c.service, c.running]),
  );
}
async function waitWatchPush(
  what: string,
  match: (s: StackStatus) => boolean,
  since: number,
  ms = 30_000,
): Promise<StackStatus> {
  const until = Date.now() + ms;
  for (;;) {
    const hit = watchPushes.slice(since).find((p) => p.type === 'stack.status' && match(p.status));
    if (hit?.type === 'stack.status') return hit.status;
    if (Date.now() > until) throw new Error(`no push for "${what}" within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
async function restartClients(): Promise<void> {
  await setControl('/v1/vpn/status', '{"status":"running"}');
  echoMode = 'direct';
  const mark = h.pushes.length;
  const r = await watchApp.handle('stack.start', { services: ['qbittorrent', 'nzbget'] });
  if (!r.ok) throw new Error(r.error.message);
  await h.waitForPush('clients healthy again', (s) => allHealthy(s, 5), mark);
}

beforeAll(async () => {
  h = await createEngineHarness('vpnwatch');
  const mark = h.pushes.length;
  const up = await h.app.handle('stack.up', {});
  if (!up.ok) throw new Error(up.error.message);
  await h.waitForPush('stack healthy', (s) => allHealthy(s, 5), mark);
  echo = createServer((req, res) => {
    const addr = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    res.end(`${echoMode === 'same-nat' ? '198.51.100.77' : addr}\n`);
  });
  await new Promise<void>((r) => echo.listen(0, '0.0.0.0', r));
  // The host side of the project network: reachable from the containers and from this process alike.
  const info = await h.docker.getContainer(await vpnId()).inspect();
  const gateway = Object.values(info.NetworkSettings.Networks)[0]?.Gateway;
  if (!gateway) throw new Error('the vpn container has no network gateway');
  const egressUrl = `http://${gateway}:${(echo.address() as AddressInfo).port}/ip`;
  watchApp = createAppService(testAppDeps({ ...h.deps, engine: { vpnWatchIntervalMs: 0, egressUrl } }));
  unsubscribe = watchApp.subscribe((e) => watchPushes.push(e));
});
afterAll(async () => {
  unsubscribe();
  echo?.close();
  await h?.cleanup();
});

describe('vpn watch', () => {
  it('reports safe only after seeing the tunnel up and a client egress different from the host', async () => {
    const r = await watchApp.handle('vpn.check', {});
    expect(r).toMatchObject({ ok: true, value: { verdict: 'safe', tunnelStatus: 'running', stopped: [] } });
    const v = r.ok ? (r.value as { clientEgressIp: string; hostEgressIp: string }) : null;
    expect(v?.clientEgressIp).not.toBe(v?.hostEgressIp);
    expect(await clientStates()).toEqual({ qbittorrent: true, nzbget: true });
  });

  it('is "unknown", never "safe", when the control endpoint cannot answer; nothing is stopped', async () => {
    await setControl('/v1/vpn/status', null);
    const r = await watchApp.handle('vpn.check', {});
    expect(r).toMatchObject({ ok: true, value: { verdict: 'unknown', stopped: [] } });
    expect(r.ok && (r.value as { reason: string }).reason).toMatch(/could not check|tunnel status/);
    expect(await clientStates()).toEqual({ qbittorrent: true, nzbget: true });
    await setControl('/v1/vpn/status', '{"status":"running"}');
  });

  it('is "unknown" when the egress server is unreachable', async () => {
    const app = createAppService(
      testAppDeps({ ...h.deps, engine: { vpnWatchIntervalMs: 0, egressUrl: 'http://127.0.0.1:9/ip' } }),
    );
    const r = await app.handle('vpn.check', {});
    expect(r).toMatchObject({ ok: true, value: { verdict: 'unknown', stopped: [] } });
  });

  it('tunnel down → download clients stopped, verdict pushed and recorded', async () => {
    const mark = watchPushes.length;
    await setControl('/v1/vpn/status', '{"status":"stopped"}');
    const r = await watchApp.handle('vpn.check', {});
    expect(r).toMatchObject({ ok: true, value: { verdict: 'tunnel-down', stopped: ['nzbget', 'qbittorrent'] } });
    expect(await clientStates()).toEqual({ qbittorrent: false, nzbget: false });
    const pushed = await waitWatchPush('tunnel-down alert', (s) => s.vpn?.verdict === 'tunnel-down', mark);
    expect(pushed.vpn?.stopped).toEqual(['nzbget', 'qbittorrent']);
    const rec = await readVpnWatchRecord(h.root);
    expect(rec.lastAlert?.verdict).toBe('tunnel-down');
    await restartClients();
  });

  it("egress equal to the host's → leak: download clients stopped and the alert pushed", async () => {
    const mark = watchPushes.length;
    echoMode = 'same-nat';
    const r = await watchApp.handle('vpn.check', {});
    expect(r).toMatchObject({
      ok: true,
      value: { verdict: 'leak', clientEgressIp: '198.51.100.77', hostEgressIp: '198.51.100.77' },
    });
    expect(await clientStates()).toEqual({ qbittorrent: false, nzbget: false });
    const pushed = await waitWatchPush('leak alert', (s) => s.vpn?.verdict === 'leak', mark);
    expect(svc(pushed, 'qbittorrent')?.state).toBe('exited');
    await restartClients();
  });

  it('runs by itself on its interval while a door listens, and pushes the alert', async () => {
    const pushes: PushEvent[] = [];
    const app = createAppService(
      testAppDeps({ ...h.deps, engine: { vpnWatchIntervalMs: 1000, egressUrl: 'http://127.0.0.1:9/ip' } }),
    );
    const off = app.subscribe((e) => pushes.push(e));
    try {
      await setControl('/v1/vpn/status', '{"status":"stopped"}');
      const until = Date.now() + 30_000;
      while (!pushes.some((p) => p.type === 'stack.status' && p.status.vpn?.verdict === 'tunnel-down')) {
        if (Date.now() > until) throw new Error(`no periodic tunnel-down push; last: ${JSON.stringify(pushes.at(-1))}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await clientStates()).toEqual({ qbittorrent: false, nzbget: false });
    } finally {
      off();
    }
  });
});
