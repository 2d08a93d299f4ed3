// The wiring calls: a clear "not configured" failure before setup, progress pushed during apply, fresh wiring per call.
import { describe, expect, it } from 'vitest';
import { UpsFailure, type PushEvent } from '../../contract';
import type { WiringStep } from '../../wiring/wiring-types';
import { wiringUseCases } from './wiring';

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
});
