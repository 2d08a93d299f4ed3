// Live stack status: filled by one read, then replaced by each stack.status push; other pushes change nothing.
import { describe, expect, it } from 'vitest';
import { statusTransitions as t, type StatusState } from './status-store';

const status = { project: 'ups', overall: 'stopped' as const, services: [], observedAt: 'now' };
const error = { code: 'ENGINE_UNREACHABLE' as const, message: 'down', fix: 'Start Docker Desktop.' };

describe('status store transitions', () => {
  it('takes stack.status pushes and ignores others', () => {
    const s0: StatusState = { phase: 'loading' };
    expect(t.push(s0, { type: 'stack.status', status })).toEqual({ phase: 'ready', status });
    expect(
      t.push(s0, { type: 'progress', progress: { operationId: 'o', step: 's', current: 0, total: 1, message: '' } }),
    ).toBe(s0);
  });

  it('shows the first read, or its error with the fix', () => {
    expect(t.loaded({ phase: 'loading' }, status)).toEqual({ phase: 'ready', status });
    expect(t.failed({ phase: 'loading' }, error)).toEqual({ phase: 'error', error });
  });

  it('keeps a pushed status when the first read fails after it', () => {
    const pushed = t.push({ phase: 'loading' }, { type: 'stack.status', status });
    expect(t.failed(pushed, error)).toBe(pushed);
  });
});
