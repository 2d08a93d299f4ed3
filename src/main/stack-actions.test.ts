// Tray lifecycle actions go through the App service's validating entry; failures come back as envelope errors.
import { describe, expect, it, vi } from 'vitest';
import type { Envelope, LifecycleResult } from '../core/contract';
import { runStackVerb, type ConfirmQuestion } from './stack-actions';

const okValue = (verb: LifecycleResult['verb']): Envelope<LifecycleResult> => ({
  ok: true,
  value: { verb, services: [], operationId: 'op' },
});

describe('runStackVerb', () => {
  it('calls stack.<verb> with an empty input (all services), restart included', async () => {
    for (const verb of ['stop', 'restart'] as const) {
      const call = vi.fn(async () => okValue(verb));
      expect(await runStackVerb({ call }, verb, vi.fn(), async () => true)).toBe(true);
      expect(call.mock.calls).toEqual([[`stack.${verb}`, {}]]);
    }
  });

  it('asks before Stop and Restart, saying what happens; No sends nothing; Start asks nothing', async () => {
    for (const verb of ['stop', 'restart'] as const) {
      const call = vi.fn(async () => okValue(verb));
      const confirm = vi.fn(async (_q: ConfirmQuestion) => false);
      expect(await runStackVerb({ call }, verb, vi.fn(), confirm)).toBe(false);
      expect(call).not.toHaveBeenCalled();
      const q = confirm.mock.calls[0]![0];
      expect(q.message).toMatch(/^Every app (stops|restarts): Plex stops playing/);
      expect(q.yes).toBe(verb === 'stop' ? 'Stop stack' : 'Restart stack');
    }
    const call = vi.fn(async () => okValue('start'));
    const confirm = vi.fn(async () => false);
    expect(await runStackVerb({ call }, 'start', vi.fn(), confirm)).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('reports a failure through onError', async () => {
    const onError = vi.fn();
    const failure: Envelope<never> = {
      ok: false,
      error: { code: 'ENGINE_UNREACHABLE', message: 'down', fix: 'start Docker' },
    };
    expect(await runStackVerb({ call: async () => failure }, 'start', onError, async () => true)).toBe(false);
    expect(onError).toHaveBeenCalledWith(failure.error);
  });
});
