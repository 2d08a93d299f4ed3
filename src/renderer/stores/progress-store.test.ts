// Progress pushes: the latest event per operation and step, so a screen shows its own operation's bars.
import { describe, expect, it } from 'vitest';
import { applyProgress, fraction } from './progress-store';

const ev = (operationId: string, step: string, current: number) => ({
  type: 'progress' as const,
  progress: { operationId, step, current, total: 4, message: `${step} ${current}` },
});

describe('progress transitions', () => {
  it('keeps the latest event per operation and step, ignores other pushes', () => {
    const s = [ev('op', 'pull', 1), ev('op', 'up', 1), ev('op', 'pull', 3)].reduce(applyProgress, { operations: {} });
    expect(Object.keys(s.operations.op ?? {})).toEqual(['pull', 'up']);
    expect(s.operations.op?.pull?.current).toBe(3);
    const status = {
      type: 'stack.status' as const,
      status: { project: 'p', overall: 'running' as const, services: [], observedAt: 'x' },
    };
    expect(applyProgress(s, status)).toBe(s);
  });

  it('keeps operations apart, so a screen never shows the steps of another operation', () => {
    const s = [ev('install-a', 'up', 1), ev('update-b', 'update', 2)].reduce(applyProgress, { operations: {} });
    expect(Object.keys(s.operations['install-a'] ?? {})).toEqual(['up']);
    expect(Object.keys(s.operations['update-b'] ?? {})).toEqual(['update']);
  });

  it('turns an event into a bar fraction; an unknown total is indeterminate', () => {
    const p = ev('op', 'pull', 3).progress;
    expect(fraction(p)).toBe(0.75);
    expect(fraction({ ...p, current: 9 })).toBe(1);
    expect(fraction({ ...p, total: 0 })).toBeUndefined();
  });
});
