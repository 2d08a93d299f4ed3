// Host key verification for ssh:// engines: the key the server presents is looked up in an OpenSSH known_hosts file,
// so the app trusts exactly the servers the user's own `ssh` (and so the Docker and Compose CLIs) trusts, and says in
// plain words what to do when a key is unknown or changed. ssh2 alone accepts any key (lib/protocol/kex.js, 1.17.0:
// "Host accepted by default (no verification)").
//
// File format as documented in sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT" (OpenSSH 9.2, github.com/openssh/openssh-portable
// tag V_9_2_P1, sshd.8) and implemented in hostfile.c / match.c there:
// - a line is `[marker] hostnames keytype base64-key [comment]`, marker `@revoked` or `@cert-authority`;
// - hostnames is a comma list of patterns with `*` / `?` wildcards, `!` negates (match.c match_hostname), matched
//   case-insensitively; a non-standard port is written `[host]:port` (hostfile.c put_host_port);
// - a hashed name is `|1|<base64 salt>|<base64 HMAC-SHA1(salt, name)>` (hostfile.c host_hash, HASH_MAGIC "|1|").
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

export type HostKeyState = 'known' | 'unknown' | 'changed' | 'revoked';

export interface HostKeyVerdict {
  state: HostKeyState;
  /** The name looked up: `host`, or `[host]:port` off port 22. */
  name: string;
  /** The presented key's type and fingerprint, as `ssh` prints them (SHA256:…, base64 without padding). */
  keyType: string;
  fingerprint: string;
  /** For anything but `known`: what happened, and what the user can do, in plain words. */
  message?: string;
  fix?: string;
}

/** The name OpenSSH files a host under (hostfile.c put_host_port): bare on port 22, else `[host]:port`. */
export function knownHostsName(host: string, port: number): string {
  const h = host.replace(/^\[|\]$/g, '');
  return port === 22 ? h : `[${h}]:${port}`;
}

export function keyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The algorithm name a public key blob starts with (RFC 4253 §6.6: string "ssh-ed25519", …). */
export function keyTypeOf(key: Buffer): string {
  if (key.length < 4) return '';
  const len = key.readUInt32BE(0);
  return key.subarray(4, 4 + len).toString('latin1');
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

function hashedMatches(entry: string, name: string): boolean {
  const [, magic, salt, hash] = entry.split('|');
  if (magic !== '1' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64');
  const got = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest();
  return want.length === got.length && timingSafeEqual(want, got);
}

/** match.c match_hostname: any positive pattern matching, and no negated one. */
function namesMatch(field: string, name: string): boolean {
  if (field.startsWith('|')) return hashedMatches(field, name);
  let matched = false;
  for (const p of field.split(',')) {
    if (p.startsWith('!')) {
      if (globToRegExp(p.slice(1)).test(name)) return false;
    } else if (globToRegExp(p).test(name)) matched = true;
  }
  return matched;
}

interface Entry {
  marker?: string;
  keyType: string;
  key: Buffer;
}

function entriesFor(text: string, name: string): Entry[] {
  const out: Entry[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    const marker = fields[0]?.startsWith('@') ? fields.shift() : undefined;
    const [names, keyType, b64] = fields;
    if (!names || !keyType || !b64 || !namesMatch(names, name)) continue;
    out.push({ ...(marker ? { marker } : {}), keyType, key: Buffer.from(b64, 'base64') });
  }
  return out;
}

/** Looks the presented key up in a known_hosts text (OpenSSH's order: a revoked key loses, a listed key wins). */
export function checkHostKey(text: string, file: string, host: string, port: number, key: Buffer): HostKeyVerdict {
  const name = knownHostsName(host, port);
  const keyType = keyTypeOf(key);
  const base = { name, keyType, fingerprint: keyFingerprint(key) };
  const entries = entriesFor(text, name);
  const scan = `ssh-keyscan${port === 22 ? '' : ` -p ${port}`} ${host}`;
  const login = `ssh${port === 22 ? '' : ` -p ${port}`} ${host}`;
  // @cert-authority lines sign host certificates, which an engine connection does not use here.
  const plain = entries.filter((e) => e.marker !== '@cert-authority');
  if (plain.some((e) => e.marker === '@revoked' && e.key.equals(key)))
    return {
      ...base,
      state: 'revoked',
      message: `The SSH host key of ${name} (${keyType} ${base.fingerprint}) is marked @revoked in ${file}; the app will not connect with it.`,
      fix: `Ask whoever runs that server for its current host key, then replace the revoked line in ${file}.`,
    };
  if (plain.some((e) => !e.marker && e.key.equals(key))) return { ...base, state: 'known' };
  if (plain.some((e) => !e.marker && e.keyType === keyType))
    return {
      ...base,
      state: 'changed',
      message: `The SSH host key of ${name} has CHANGED since it was recorded in ${file}: it now presents ${keyType} ${base.fingerprint}. Either the server was reinstalled, or someone is intercepting the connection; the app does not connect.`,
      fix: `If you reinstalled the server (or its SSH), check the new fingerprint on the server itself (\`ssh-keygen -lf\` on its /etc/ssh/ssh_host_*_key.pub), then remove the old line with \`ssh-keygen -R '${name}' -f ${file}\` and connect once with \`${login}\` to record the new key. If you did not, do not connect.`,
    };
  return {
    ...base,
    state: 'unknown',
    message: `The SSH host key of ${name} is not in ${file} yet (the server presents ${keyType} ${base.fingerprint}); the app only connects to servers you have accepted.`,
    fix: `Connect once from this PC with \`${login}\`, compare the fingerprint it shows with the one on the server (ssh-keygen -lf on its host key), and answer yes; or, on a network you trust, add it with \`${scan} >> ${file}\`.`,
  };
}

/** Reads the file (absent = empty) and checks; read on every connection, so a key the user adds counts at once. */
export function checkHostKeyFile(file: string, host: string, port: number, key: Buffer): HostKeyVerdict {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return checkHostKey(text, file, host, port, key);
}
