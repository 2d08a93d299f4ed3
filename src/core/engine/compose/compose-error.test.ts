// Secrets never leave a compose failure: redaction of values (longest first) and failure classification.
import { describe, expect, it } from 'vitest';
import { secretLabels } from '../../contract/secret-names';
import { classifyComposeFailure, redact, tail } from './compose-error';

describe('redact', () => {
  it('removes every occurrence of each secret, longest first', () => {
    const out = redact('key=abcdef123 and again abcdef123; short=abc', ['abc', 'abcdef123']);
    expect(out).toBe('key=«redacted» and again «redacted»; short=«redacted»');
    expect(out).not.toContain('def123');
  });
  it('ignores values too short to be secrets (they would shred the text)', () => {
    expect(redact('a b c', ['a', ''])).toBe('a b c');
  });
});

describe('classifyComposeFailure', () => {
  it('names an unreachable engine', () => {
    expect(classifyComposeFailure('up', "Couldn't connect to Docker daemon at http+docker://localhost - is it running?").code).toBe('ENGINE_UNREACHABLE');
  });
  it('names an unknown service', () => {
    expect(classifyComposeFailure('stop', 'No such service: nosuch').code).toBe('NOT_FOUND');
  });
  it('names a secret compose found empty by its label, with the button that sets it (v1 and v2 wording)', () => {
    const v1 =
      'ERROR: Missing mandatory value for "environment" option interpolating [\'X=${UPS_VPN_CONTROL_API_KEY:?...}\'] in service "vpn": UPS_VPN_CONTROL_API_KEY is not set: start the stack through ups so the vault supplies it';
    const v2 =
      'required variable UPS_QBITTORRENT_PASSWORD is missing a value: UPS_QBITTORRENT_PASSWORD is not set: start the stack through ups so the vault supplies it';
    const a = classifyComposeFailure('up', v1);
    expect(a.code).toBe('NOT_FOUND');
    expect(a.action).toMatchObject({ action: 'secrets.set', input: { name: 'vpn.control.api_key' } });
    expect(a.fix).toContain(secretLabels['vpn.control.api_key']);
    expect(a.fix).not.toMatch(/UPS_/);
    expect(classifyComposeFailure('up', v2).action).toMatchObject({ input: { name: 'qbittorrent.password' } });
  });
  it('leaves an unknown variable to the general fix', () => {
    expect(classifyComposeFailure('up', 'UPS_NOT_A_SECRET is not set: start the stack through ups').action).toBeUndefined();
  });
  it('falls back to INTERNAL with a fix', () => {
    const c = classifyComposeFailure('up', 'something odd');
    expect(c.code).toBe('INTERNAL');
    expect(c.fix).toContain('up again');
  });
});

describe('tail', () => {
  it('keeps the end of long output', () => {
    expect(tail('x'.repeat(10) + 'END', 5)).toBe('…x' + 'END'.padStart(4, 'x'));
  });
});
