import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from './redactor';

describe('redactor', () => {
  it('replaces every occurrence of every known value, in every written form', () => {
    const r = createRedactor();
    r.add('hunter2-pass');
    r.add('p@ss "quoted" \\ back');
    expect(r.redact('user hunter2-pass and again hunter2-pass')).toBe(`user ${REDACTED} and again ${REDACTED}`);
    expect(r.redact(JSON.stringify({ m: 'x p@ss "quoted" \\ back y' }))).not.toContain('quoted');
    expect(r.redact(`http://u:${encodeURIComponent('p@ss "quoted" \\ back')}@host`)).toBe(`http://u:${REDACTED}@host`);
  });

  it('replaces a longer secret whole even when it contains a shorter one', () => {
    const r = createRedactor();
    r.add('abc');
    r.add('xxabcxx');
    expect(r.redact('-xxabcxx-abc-')).toBe(`-${REDACTED}-${REDACTED}-`);
  });

  it('treats regex characters in values literally', () => {
    const r = createRedactor();
    r.add('a.c*(d)');
    expect(r.redact('abc a.c*(d) aXc')).toBe(`abc ${REDACTED} aXc`);
  });

  it('redacts deep copies of objects, arrays, errors and causes without touching the original', () => {
    const r = createRedactor();
    r.add('tok-123456');
    const err = new Error('login failed with tok-123456');
    (err as Error & { cause?: unknown }).cause = new Error('inner tok-123456');
    const input = { a: ['tok-123456'], b: { c: 'x tok-123456 y' }, err, n: 5 };
    const out = r.redactDeep(input);
    expect(JSON.stringify(out)).not.toContain('tok-123456');
    expect(out.err.message).toBe(`login failed with ${REDACTED}`);
    expect(out.err.stack).not.toContain('tok-123456');
    expect((out.err.cause as Error).message).toBe(`inner ${REDACTED}`);
    expect(input.b.c).toBe('x tok-123456 y');
    expect(out.n).toBe(5);
  });

  it('survives cycles and forgets values', () => {
    const r = createRedactor();
    r.add('cyclic-secret');
    const o: Record<string, unknown> = { s: 'cyclic-secret' };
    o.self = o;
    const out = r.redactDeep(o);
    expect(out.s).toBe(REDACTED);
    expect(out.self).toBe(out);
    r.forget('cyclic-secret');
    expect(r.redact('cyclic-secret')).toBe('cyclic-secret');
    expect(r.size).toBe(0);
  });
});
