// The wiring calls: a clear "not configured" failure before setup, progress pushed during apply, fresh wiring per call.
import { describe, expect, it } from 'vitest';
import { UpsFailure, type PushEvent } from '../../contract';
import type { WiringStep } from '../../wiring/wiring-types';
import { connectInstalledStack, wiringUseCases } from './wiring';

function oneStep(state: { value: string }): WiringStep {
  return {
    id: 'svc.setting',
    service: 'svc',
    dependsOn: [],
    plan: async () => [
      {
        service: 'svc',
        resource: 'setting',
        action: state.value === 'on' ? 'nothing' : 'update',
        reason: `is ${state.value}`,
      },
    ],
    apply: async () => void (state.value = 'on'),
  };
}

describe('wiring use cases', () => {
  it('fails with NOT_FOUND and a fix while no stack is configured', async () => {
    {
      const handlers = wiringUseCases(
        async () => null,
        () => undefined,
      );
      const err = await handlers['wiring.plan']().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpsFailure);
      expect((err as UpsFailure).error).toMatchObject({ code: 'NOT_FOUND', fix: expect.stringContaining('setup') });
    }
  });

  it('plans, applies with progress pushes, then has nothing pending', async () => {
    const state = { value: 'off' };
    let loads = 0;
    const pushes: PushEvent[] = [];
    const handlers = wiringUseCases(
      async () => (loads++, { steps: [oneStep(state)], links: [] }),
      (e) => pushes.push(e),
    );
    expect((await handlers['wiring.plan']()).pending).toBe(1);
    const result = await handlers['wiring.apply']();
    expect(result.steps[0]!.status).toBe('applied');
    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes.every((p) => p.type === 'progress' && p.progress.operationId === result.operationId)).toBe(true);
    expect((await handlers['wiring.plan']()).pending).toBe(0);
    // A caller-made id tags the run and its pushes.
    state.value = 'off';
    const mark = pushes.length;
    expect((await handlers['wiring.apply']({ operationId: 'wiring-mine-1' })).operationId).toBe('wiring-mine-1');
    expect(pushes.slice(mark).length).toBeGreaterThan(0);
    expect(pushes.slice(mark).every((p) => p.type === 'progress' && p.progress.operationId === 'wiring-mine-1')).toBe(
      true,
    );
    expect(await handlers['links.test']()).toEqual({ links: [], ok: true });
    expect(loads).toBe(5);
  });

  it('connects for install on the caller operation, and reports (never throws) when there is nothing to wire', async () => {
    const state = { value: 'off' };
    const pushes: string[] = [];
    const done = await connectInstalledStack(
      async () => ({ steps: [oneStep(state)], links: [] }),
      'install-0001',
      (p) => pushes.push(`${p.operationId}:${p.step}`),
    );
    expect(done).toMatchObject({ operationId: 'install-0001', ok: true, planned: 1, applied: 1, problems: [] });
    expect(state.value).toBe('on');
    expect(new Set(pushes)).toEqual(new Set(['install-0001:plan', 'install-0001:wiring', 'install-0001:links']));
    const none = await connectInstalledStack(
      async () => null,
      'install-0002',
      () => undefined,
    );
    expect(none).toMatchObject({ ok: false, links: [], problems: [{ step: 'wiring', service: 'stack' }] });
    expect(none.problems[0]!.fix).toContain('setup');
    const thrown = await connectInstalledStack(
      async () => {
        throw new Error('vault locked');
      },
      'install-0003',
      () => undefined,
    );
    expect(thrown.problems[0]!.why).toBe('The apps could not be connected: vault locked');
    expect(thrown.problems[0]!.fix).not.toMatch(/`ups /);
  });
});
