// VPN recovery on the real engine: `docker restart` of `vpn` and a recreate of `vpn` done from OUTSIDE the app leave
// qbittorrent/nzbget in a dead namespace; the engine (listening through the status mirror) recreates them, and within
// 30 s they share the new vpn namespace (/proc/1/ns/net compared via exec) and reach another service again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { netNamespace, execIn } from '../../src/core/engine/vpn-exec';
import { projectContainers } from '../../src/core/engine/vpn-dependents';
import { allHealthy, createEngineHarness, type EngineHarness } from '../fixtures/engine/harness';

let h: EngineHarness;

beforeAll(async () => {
  h = await createEngineHarness('vpnrec');
  const mark = h.pushes.length;
  const r = await h.app.handle('stack.up', {});
  if (!r.ok) throw new Error(r.error.message);
  await h.waitForPush('stack healthy', (s) => allHealthy(s, 5), mark);
});
afterAll(async () => {
  await h?.cleanup();
});

async function ids() {
  const all = await projectContainers(h.docker, h.project);
  const get = (s: string) => {
    const c = all.find((x) => x.service === s);
    if (!c) throw new Error(`no ${s} container`);
    return c;
  };
  return { vpn: get('vpn'), qbittorrent: get('qbittorrent'), nzbget: get('nzbget') };
}

/** Polls (the test's own observation, not the product's) until the dependents share vpn's namespace and work. */
async function waitRecovered(oldDependentIds: string[], ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    try {
      const c = await ids();
      if (
        c.vpn.running &&
        c.qbittorrent.running &&
        c.nzbget.running &&
        !oldDependentIds.includes(c.qbittorrent.id) &&
        !oldDependentIds.includes(c.nzbget.id)
      ) {
        const [v, q, n] = await Promise.all([
          netNamespace(h.docker, c.vpn.id),
          netNamespace(h.docker, c.qbittorrent.id),
          netNamespace(h.docker, c.nzbget.id),
        ]);
        const reach = await execIn(h.docker, c.qbittorrent.id, ['wget', '-q', '-O', '-', 'http://radarr:7878/status']);
        last = `vpn ${v}, qbittorrent ${q}, nzbget ${n}, reach radarr: ${reach.exitCode} ${reach.stdout.trim()}`;
        if (v === q && v === n && reach.exitCode === 0 && reach.stdout.includes('"radarr"')) return;
      } else last = JSON.stringify(c);
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`dependents did not recover within ${ms} ms; last: ${last}`);
}

describe('vpn recovery', () => {
  it('starts with the dependents in the vpn namespace', async () => {
    const c = await ids();
    expect(await netNamespace(h.docker, c.qbittorrent.id)).toBe(await netNamespace(h.docker, c.vpn.id));
    expect(c.qbittorrent.networkMode).toBe(`container:${c.vpn.id}`);
  });

  it('after `docker restart vpn` from outside, the dependents are recreated onto the new namespace', async () => {
    const before = await ids();
    const oldNs = await netNamespace(h.docker, before.vpn.id);
    await h.docker.getContainer(before.vpn.id).restart({ t: 2 });
    await waitRecovered([before.qbittorrent.id, before.nzbget.id]);
    const after = await ids();
    expect(after.vpn.id).toBe(before.vpn.id);
    expect(await netNamespace(h.docker, after.vpn.id)).not.toBe(oldNs);
  });

  it('after a recreate of vpn from outside (compose up --force-recreate vpn), the same holds', async () => {
    const before = await ids();
    await h.compose('up', '-d', '--no-deps', '--force-recreate', 'vpn');
    await waitRecovered([before.qbittorrent.id, before.nzbget.id]);
    const after = await ids();
    expect(after.vpn.id).not.toBe(before.vpn.id);
    expect(after.qbittorrent.networkMode).toBe(`container:${after.vpn.id}`);
  });
});
