// Caller-made operation ids: the long calls accept a short plain id and refuse anything else, naming the field.
import { describe, expect, it } from 'vitest';
import { calls } from './calls';
import { OperationIdSchema } from './operation';

describe('operationId', () => {
  it('accepts short plain ids and refuses empty, long or unsafe ones', () => {
    for (const ok of ['install-1f2e', 'migrate.0a', 'a', 'x'.repeat(64)])
      expect(OperationIdSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['', '-lead', 'x'.repeat(65), 'a b', 'a/b', 'id\n', '$(x)'])
      expect(OperationIdSchema.safeParse(bad).success).toBe(false);
  });

  it('is an optional input of every long call, and refused where it is malformed', () => {
    const long = [
      'stack.install',
      'stack.up',
      'stack.down',
      'stack.start',
      'stack.stop',
      'stack.restart',
      'stack.pull',
      'update.apply',
      'migrate.start',
      'migrate.resume',
      'wiring.apply',
    ] as const;
    const base: Record<string, object> = { 'stack.install': { config: {} } };
    for (const c of long) {
      expect(calls[c].input.safeParse({ ...base[c] }).success, c).toBe(true);
      expect(calls[c].input.safeParse({ ...base[c], operationId: 'op-1' }).success, c).toBe(true);
      const bad = calls[c].input.safeParse({ ...base[c], operationId: 'no spaces' });
      expect(bad.success, c).toBe(false);
      expect(bad.error?.issues[0]?.path, c).toEqual(['operationId']);
    }
  });
});
