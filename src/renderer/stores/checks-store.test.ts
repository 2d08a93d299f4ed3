// Checks screen store: re-running keeps the last result visible; an error envelope is kept as-is.
import { describe, expect, it } from 'vitest';
import type { EnvCheck } from '../../core/contract';
import { checksTransitions as t, type ChecksState } from './checks-store';

const result: EnvCheck = {
  checkedAt: '2026-01-01T00:00:00.000Z',
  overall: 'ok',
  checks: [],
  docker: { reachable: true, endpoint: 'x' },
  compose: { available: true },
  vault: { usable: true, backend: 'b' },
};

describe('checks store transitions', () => {
  it('keeps the previous result visible while re-running', () => {
    const done: ChecksState = t.succeed({ phase: 'idle' }, result);
    const running = t.start(done);
    expect(running).toEqual({ phase: 'running', previous: result });
    expect(t.start(running)).toEqual({ phase: 'running', previous: result });
    expect(t.start({ phase: 'idle' })).toEqual({ phase: 'running', previous: undefined });
  });

  it('records an error envelope as-is', () => {
    const e = { code: 'INTERNAL' as const, message: 'm', fix: 'f' };
    expect(t.failWith({ phase: 'running' }, e)).toEqual({ phase: 'error', error: e });
  });
});
