// The connect run install goes on with: plan → apply → links on one operation, failures listed (never thrown), a
// second run on a wired stack writes nothing, drift made by hand is planned and repaired.
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../contract';
import type { LinkTest, WiringStep } from '../wiring-types';
import { connectStack } from './connect-stack';

/** A service holding key/values that wants `want`; counts the writes it performs. */
function kvStep(id: string, dependsOn: string[], state: Map<string, string>, want: Record<string, string>) {
  const writes: string[] = [];
  const step: WiringStep = {
    id,
    service: id.split('.')[0]!,
    dependsOn,
    plan: async () =>
      Object.entries(want).map(([k, v]) => ({
        service: id,
        resource: k,
        action: state.get(k) === undefined ? 'create' : state.get(k) !== v ? 'update' : 'nothing',
        reason: state.get(k) === undefined ? 'missing' : `is ${state.get(k)}`,
      })),
    apply: async (changes) => {
      for (const c of changes.filter((x) => x.action !== 'nothing')) {
        writes.push(c.resource);
        state.set(c.resource, want[c.resource]!);
      }
    },
  };
  return { step, writes };
}

/** A link that works while the service holds what it wants. */
function kvLink(
  id: string,
  from: string,
  to: string,
  state: Map<string, string>,
  key: string,
  value: string,
): LinkTest {
  return {
    id,
    from,
    to,
    run: async () =>
      state.get(key) === value
        ? { id, from, to, ok: true, detail: 'answers' }
        : { id, from, to, ok: false, detail: `${to} has no ${key}`, fix: `Open ${to} and check ${key}.` },
  };
}

describe('connectStack', () => {
  it('plans, applies, tests every link on the caller operation; a second run writes nothing; drift is repaired', async () => {
    const radarr = new Map<string, string>();
    const qbt = new Map<string, string>();
    const a = kvStep('qbittorrent.categories', [], qbt, { 'category radarr': '/data/torrents/movies' });
    const b = kvStep('radarr.download-client', ['qbittorrent.categories'], radarr, { 'client qbittorrent': 'on' });
    const wiring = {
      steps: [b.step, a.step],
      links: [
        kvLink('radarr->qbittorrent', 'radarr', 'qbittorrent', radarr, 'client qbittorrent', 'on'),
        kvLink('ups->qbittorrent', 'ups', 'qbittorrent', qbt, 'category radarr', '/data/torrents/movies'),
      ],
    };
    const pushes: ProgressEvent[] = [];
    const first = await connectStack(wiring, { operationId: 'install-abc', progress: (p) => pushes.push(p) });
    expect(first).toEqual({
      operationId: 'install-abc',
      ok: true,
      planned: 2,
      applied: 2,
      problems: [],
      links: [
        { id: 'radarr->qbittorrent', name: 'Radarr → qBittorrent', state: 'ok', why: 'answers' },
        { id: 'ups->qbittorrent', name: 'This app → qBittorrent', state: 'ok', why: 'answers' },
      ],
    });
    expect(new Set(pushes.map((p) => p.operationId))).toEqual(new Set(['install-abc']));
    // plan, then the wiring, then the links: each its own row, in that order.
    const order = [...new Set(pushes.map((p) => p.step))];
    expect(order).toEqual(['plan', 'wiring', 'links']);
    expect(pushes.filter((p) => p.step === 'wiring').map((p) => p.message)).toContain(
      'radarr.download-client: create client qbittorrent',
    );
    expect(pushes.at(-1)).toMatchObject({ step: 'links', current: 2, total: 2, message: '2 of 2 link(s) work' });

    // Installed again: nothing duplicated, nothing written.
    const again = await connectStack(wiring, { operationId: 'install-def' });
    expect(again).toMatchObject({ ok: true, planned: 0, applied: 0 });
    expect([...a.writes, ...b.writes]).toEqual(['category radarr', 'client qbittorrent']);

    // Drift made by hand in one service: the next run plans exactly that and repairs it.
    radarr.set('client qbittorrent', 'off');
    const repaired = await connectStack(wiring, { operationId: 'install-ghi' });
    expect(repaired).toMatchObject({ ok: true, planned: 1, applied: 1 });
    expect(b.writes).toEqual(['client qbittorrent', 'client qbittorrent']);
    expect((await connectStack(wiring, { operationId: 'install-jkl' })).planned).toBe(0);
  });

  it('lists a failed step and the steps it blocks, still tests every link, and never throws', async () => {
    const qbt = new Map<string, string>();
    const radarr = new Map<string, string>();
    const broken: WiringStep = {
      id: 'qbittorrent.categories',
      service: 'qbittorrent',
      dependsOn: [],
      plan: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:8080');
      },
      apply: async () => undefined,
    };
    const b = kvStep('radarr.download-client', ['qbittorrent.categories'], radarr, { 'client qbittorrent': 'on' });
    const r = await connectStack(
      {
        steps: [broken, b.step],
        links: [kvLink('radarr->qbittorrent', 'radarr', 'qbittorrent', radarr, 'client qbittorrent', 'on')],
      },
      { operationId: 'install-x' },
    );
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.step, p.service])).toEqual([
      ['qbittorrent.categories', 'qbittorrent'],
      ['radarr.download-client', 'radarr'],
    ]);
    expect(r.problems[0]!.why).toContain('ECONNREFUSED');
    expect(r.problems.every((p) => p.fix.length > 0)).toBe(true);
    expect(r.links).toEqual([
      {
        id: 'radarr->qbittorrent',
        name: 'Radarr → qBittorrent',
        state: 'failed',
        why: 'qbittorrent has no client qbittorrent',
        fix: 'Open qbittorrent and check client qbittorrent.',
      },
    ]);
    expect(b.writes).toEqual([]);
    expect(qbt.size).toBe(0);
  });
});
