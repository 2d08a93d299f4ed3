// known_hosts lookups: names off port 22, hashed names, patterns and negation, revoked keys, changed and unknown keys.
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkHostKey, keyFingerprint, keyTypeOf, knownHostsName } from './ssh-known-hosts';

/** A key blob as the wire carries it: string type, then opaque bytes (RFC 4253 §6.6). */
function blob(type: string, fill = randomBytes(32)): Buffer {
  const t = Buffer.from(type, 'latin1');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(t.length);
  return Buffer.concat([len, t, fill]);
}

const KEY = blob('ssh-ed25519');
const OTHER = blob('ssh-ed25519');
const line = (names: string, key: Buffer = KEY) => `${names} ${keyTypeOf(key)} ${key.toString('base64')}`;
const check = (text: string, host = 'nas.lan', port = 22, key: Buffer = KEY) =>
  checkHostKey(text, '/home/me/.ssh/known_hosts', host, port, key);

describe('ssh known_hosts', () => {
  it('files hosts as OpenSSH does: bare on 22, [host]:port elsewhere', () => {
    expect(knownHostsName('nas.lan', 22)).toBe('nas.lan');
    expect(knownHostsName('192.168.1.20', 2222)).toBe('[192.168.1.20]:2222');
    expect(check(line('nas.lan'), 'nas.lan', 2222).state).toBe('unknown');
    expect(check(line('[nas.lan]:2222'), 'nas.lan', 2222).state).toBe('known');
  });

  it('matches comma lists, wildcards and negation case-insensitively', () => {
    expect(check(line('other,NAS.lan')).state).toBe('known');
    expect(check(line('*.lan')).state).toBe('known');
    expect(check(line('*.lan,!nas.lan')).state).toBe('unknown');
    expect(check(line('na?.lan')).state).toBe('known');
  });

  it('matches a hashed name (|1|salt|HMAC-SHA1)', () => {
    const salt = randomBytes(20);
    const mac = createHmac('sha1', salt).update('[10.0.0.5]:2222').digest();
    const hashed = `|1|${salt.toString('base64')}|${mac.toString('base64')}`;
    expect(check(line(hashed), '10.0.0.5', 2222).state).toBe('known');
    expect(check(line(hashed), '10.0.0.5', 22).state).toBe('unknown');
  });

  it('calls a different key of the same type a change, with the new fingerprint and the ssh-keygen -R fix', () => {
    const v = check(line('nas.lan', OTHER));
    expect(v.state).toBe('changed');
    expect(v.message).toContain(keyFingerprint(KEY));
    expect(v.fix).toContain("ssh-keygen -R 'nas.lan' -f /home/me/.ssh/known_hosts");
  });

  it('calls a host with only other key types unknown, and a revoked key revoked even when also listed', () => {
    expect(check(line('nas.lan', blob('ecdsa-sha2-nistp256'))).state).toBe('unknown');
    const text = [`@revoked ${line('*')}`, line('nas.lan')].join('\n');
    expect(check(text).state).toBe('revoked');
  });

  it('ignores comments, blank and malformed lines, and @cert-authority lines', () => {
    const text = ['# comment', '', 'garbage', `@cert-authority ${line('nas.lan')}`].join('\n');
    const v = check(text);
    expect(v.state).toBe('unknown');
    expect(v.fix).toContain('ssh nas.lan');
  });

  it('prints fingerprints as ssh does: SHA256 base64 without padding', () => {
    expect(keyFingerprint(KEY)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});
