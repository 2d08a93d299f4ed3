// Tray lifecycle actions go through the App service's validating entry; failures come back as envelope errors.
import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../core/contract';
import { runStackVerb } from './stack-actions';

const okValue = (verb: string): Envelope<unknown> => ({ ok: true, value: { verb, services: [], operationId: 'op' } });
const unknown: Envelope<unknown> = { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'no', field: 'channel' } };

describe('runStackVerb', () => {
  it('calls stack.<verb> with an empty input (all services)', async () => {
    const handle = vi.fn(async (channel: unknown) => okValue(String(channel)));
    expect(await runStackVerb({ handle }, 'stop', vi.fn())).toBe(true);
    expect(handle).toHaveBeenCalledWith('stack.stop', {});
  });

  it('reports a failure through onError', async () => {
    const onError = vi.fn();
    const failure: Envelope<unknown> = { ok: false, error: { code: 'ENGINE_UNREACHABLE', message: 'down', fix: 'start Docker' } };
    expect(await runStackVerb({ handle: async () => failure }, 'start', onError)).toBe(false);
    expect(onError).toHaveBeenCalledWith(failure.error);
  });

  it('restart falls back to stop + start where the contract has no restart', async () => {
    const handle = vi.fn(async (channel: unknown) => (channel === 'stack.restart' ? unknown : okValue(String(channel))));
    expect(await runStackVerb({ handle }, 'restart', vi.fn())).toBe(true);
    expect(handle.mock.calls.map((c) => c[0])).toEqual(['stack.restart', 'stack.stop', 'stack.start']);
  });
});
