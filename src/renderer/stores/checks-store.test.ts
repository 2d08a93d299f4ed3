import { describe, expect, it } from 'vitest';
import type { EnvCheck } from '../../core/contract';
import { checksTransitions as t, type ChecksState } from './checks-store';
import { applyPush, type StatusState } from './status-store';

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

describe('status store push', () => {
  it('takes stack.status pushes and ignores others', () => {
    const status = { project: 'ups', overall: 'stopped' as const, services: [], observedAt: 'now' };
    const s0: StatusState = { phase: 'loading' };
    expect(applyPush(s0, { type: 'stack.status', status })).toEqual({ phase: 'ready', status });
    expect(applyPush(s0, { type: 'progress', progress: { operationId: 'o', step: 's', current: 0, total: 1, message: '' } })).toBe(s0);
  });
});
