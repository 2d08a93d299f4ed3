import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { envelopeSchema, fail, fromZodError, ok } from './envelope';

describe('envelope', () => {
  it('wraps values and errors in the documented shape', () => {
    const schema = envelopeSchema(z.number());
    expect(schema.parse(ok(3))).toEqual({ ok: true, value: 3 });
    expect(schema.parse(fail('BAD_INPUT', 'nope', { field: 'x', fix: 'do y' }))).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'nope', field: 'x', fix: 'do y' },
    });
    expect(schema.safeParse({ ok: true }).success).toBe(false);
  });

  it('names the offending field and a fix from a zod error', () => {
    const r = z.object({ port: z.number() }).strict().safeParse({ port: 'x' });
    expect(r.success).toBe(false);
    const e = fromZodError(r.error!, 'input');
    expect(e.field).toBe('input.port');
    expect(e.message).toContain('input.port');
    expect(e.fix).toContain('number');
  });

  it('says which keys are unknown', () => {
    const r = z.object({}).strict().safeParse({ bogus: 1 });
    const e = fromZodError(r.error!, 'input');
    expect(e.fix).toContain('bogus');
  });
});
