// Engine rules on in-memory services: dependency order, reasons, zero-write re-apply, blocking after a failure, progress.
import { describe, expect, it } from 'vitest';
import { UpsFailure, type ProgressEvent } from '../../contract';
import type { PlannedChange, WiringStep } from '../wiring-types';
import { applyWiring } from './apply-wiring';
import { dependencyOrder } from './dependency-order';
import { planWiring } from './plan-wiring';

/** A service holding key/values; its step wants `want` and records each write it performs. */
function kvStep(
  id: string,
  dependsOn: string[],
  state: Map<string, string>,
  want: Record<string, string>,
  writes: string[],
  opts: { failApply?: boolean; failPlan?: boolean } = {},
): WiringStep {
  return {
    id,
    service: id.split('.')[0]!,
    dependsOn,
    async plan() {
      if (opts.failPlan)
        throw new UpsFailure({ code: 'INTERNAL', message: `${id} is unreachable`, fix: `start ${id}` });
      return Object.entries(want).map(([k, v]): PlannedChange => {
        const have = state.get(k);
        if (have === undefined) return { service: id, resource: k, action: 'create', reason: 'missing' };
        if (have !== v) return { service: id, resource: k, action: 'update', reason: `is ${have}, should be ${v}` };
        return { service: id, resource: k, action: 'nothing', reason: 'as wanted' };
      });
    },
    async apply(changes) {
      if (opts.failApply) throw new Error(`${id} refused the write`);
      for (const c of changes.filter((x) => x.action !== 'nothing')) {
        writes.push(`${id}:${c.resource}`);
        state.set(c.resource, want[c.resource]!);
      }
    },
  };
}

describe('dependencyOrder', () => {
  const step = (id: string, dependsOn: string[] = []) => kvStep(id, dependsOn, new Map(), {}, []);
  it('puts dependencies first and otherwise keeps the given order', () => {
    const order = dependencyOrder([step('c', ['b']), step('a'), step('b', ['a']), step('d')]).map((s) => s.id);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });
  it('rejects cycles, unknown dependencies and duplicate ids before anything runs', () => {
    expect(() => dependencyOrder([step('a', ['b']), step('b', ['a'])])).toThrow(/cycle: a, b/);
    expect(() => dependencyOrder([step('a', ['zzz'])])).toThrow(/unknown step zzz/);
    expect(() => dependencyOrder([step('a'), step('a')])).toThrow(/share the id a/);
  });
});

describe('planWiring / applyWiring', () => {
  it('plans with reasons, applies in order with progress, and a second apply writes nothing', async () => {
    const state = new Map([['path', '/old']]);
    const writes: string[] = [];
    const steps = [
      kvStep('svc.b', ['svc.a'], state, { cat: 'tv' }, writes),
      kvStep('svc.a', [], state, { path: '/data' }, writes),
    ];
    const plan = await planWiring(steps);
    expect(plan.steps.map((s) => s.id)).toEqual(['svc.a', 'svc.b']);
    expect(plan.steps[0]!.changes).toEqual([
      { service: 'svc.a', resource: 'path', action: 'update', reason: 'is /old, should be /data' },
    ]);
    expect(plan.pending).toBe(2);

    const events: ProgressEvent[] = [];
    const first = await applyWiring(steps, { operationId: 'op-1', progress: (p) => events.push(p) });
    expect(first.ok).toBe(true);
    expect(first.steps.map((s) => s.status)).toEqual(['applied', 'applied']);
    expect(writes).toEqual(['svc.a:path', 'svc.b:cat']);
    expect(events.every((e) => e.operationId === 'op-1' && e.total === 2)).toBe(true);
    expect(events.at(-1)).toMatchObject({ step: 'svc.b', current: 2 });

    writes.length = 0;
    const second = await applyWiring(steps);
    expect(second.steps.map((s) => s.status)).toEqual(['unchanged', 'unchanged']);
    expect(writes).toEqual([]);
    expect((await planWiring(steps)).pending).toBe(0);
  });

  it('a failed step blocks its dependents (transitively) but not independent steps', async () => {
    const state = new Map<string, string>();
    const writes: string[] = [];
    const steps = [
      kvStep('dl.client', [], state, { pw: 'x' }, writes, { failApply: true }),
      kvStep('arr.downloadclient', ['dl.client'], state, { dc: 'qbt' }, writes),
      kvStep('prowlarr.app', ['arr.downloadclient'], state, { app: 'radarr' }, writes),
      kvStep('plex.library', [], state, { lib: 'movies' }, writes),
    ];
    const result = await applyWiring(steps);
    expect(result.ok).toBe(false);
    expect(result.steps.map((s) => [s.id, s.status])).toEqual([
      ['dl.client', 'failed'],
      ['arr.downloadclient', 'blocked'],
      ['prowlarr.app', 'blocked'],
      ['plex.library', 'applied'],
    ]);
    expect(result.steps[0]!.error).toMatchObject({ message: 'dl.client refused the write', fix: expect.any(String) });
    expect(result.steps[2]!.error!.message).toContain('arr.downloadclient');
    // Nothing of the blocked steps was written.
    expect(writes).toEqual(['plex.library:lib']);
  });

  it('an unreadable service is reported with its fix in the plan, and the others are still planned', async () => {
    const steps = [
      kvStep('a.x', [], new Map(), { k: 'v' }, [], { failPlan: true }),
      kvStep('b.y', [], new Map(), { k: 'v' }, []),
    ];
    const plan = await planWiring(steps);
    expect(plan.failed).toBe(1);
    expect(plan.steps[0]!.error).toEqual({ message: 'a.x is unreachable', fix: 'start a.x' });
    expect(plan.steps[1]!.changes[0]!.action).toBe('create');
  });
});
