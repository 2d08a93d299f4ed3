import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { createRedactor } from './redactor';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (l: string) => void lines.push(l) } };
}

describe('logger', () => {
  it('writes a log line with the secret value replaced in the message and nested fields', () => {
    const redactor = createRedactor();
    redactor.add('S3cr3t-VPN-pw');
    const { lines, destination } = capture();
    const log = createLogger({ destination, redactor });
    log.info(
      { compose: { args: ['up'], env: { SOMETHING: 'S3cr3t-VPN-pw' } }, note: 'pw=S3cr3t-VPN-pw' },
      'starting with S3cr3t-VPN-pw',
    );
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(line).not.toContain('S3cr3t-VPN-pw');
    const parsed = JSON.parse(line) as { msg: string; compose: { env: { SOMETHING: string } }; note: string };
    expect(parsed.msg).toBe('starting with [REDACTED]');
    expect(parsed.compose.env.SOMETHING).toBe('[REDACTED]');
    expect(parsed.note).toBe('pw=[REDACTED]');
  });

  it('writes an error with the secret replaced in its message and stack', () => {
    const redactor = createRedactor();
    redactor.add('plex-token-XYZ987');
    const { lines, destination } = capture();
    const log = createLogger({ destination, redactor });
    log.error(new Error('claim rejected for plex-token-XYZ987'), 'sign-in failed');
    const parsed = JSON.parse(lines[0] ?? '{}') as { err: { message: string; stack: string } };
    expect(parsed.err.message).toBe('claim rejected for [REDACTED]');
    expect(parsed.err.stack).toContain('[REDACTED]');
    expect(lines[0]).not.toContain('plex-token-XYZ987');
  });

  it('redacts a value learnt after the logger was made, and sensitive keys even before', () => {
    const redactor = createRedactor();
    const { lines, destination } = capture();
    const log = createLogger({ destination, redactor });
    log.info({ password: 'not-yet-known-pw' }, 'first');
    redactor.add('late-secret-value');
    log.warn('now late-secret-value appears');
    expect(lines[0]).not.toContain('not-yet-known-pw');
    expect(lines[1]).not.toContain('late-secret-value');
  });
});
