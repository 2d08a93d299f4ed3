// Tray lifecycle actions go through the App service's validating entry; failures come back as envelope errors.
import { describe, expect, it, vi } from 'vitest';
import type { Envelope, LifecycleResult } from '../core/contract';
import { runStackVerb } from './stack-actions';

const okValue = (verb: LifecycleResult['verb']): Envelope<LifecycleResult> => ({
  ok: true,
  value: { verb, services: [], operationId: 'op' },
});

describe('runStackVerb', () => {
  it('calls stack.<verb> with an empty input (all services), restart included', async () => {
    for (const verb of ['stop', 'restart'] as const) {
      const call = vi.fn(async () => okValue(verb));
      expect(await runStackVerb({ call }, verb, vi.fn())).toBe(true);
      expect(call.mock.calls).toEqual([[`stack.${verb}`, {}]]);
    }
  });

  it('reports a failure through onError', async () => {
    const onError = vi.fn();
    const failure: Envelope<never> = {
      ok: false,
      error: { code: 'ENGINE_UNREACHABLE', message: 'down', fix: 'start Docker' },
    };
    expect(await runStackVerb({ call: async () => failure }, 'start', onError)).toBe(false);
    expect(onError).toHaveBeenCalledWith(failure.error);
  });
});
