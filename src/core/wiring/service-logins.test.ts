// "See your logins" in the core: which logins a stack has, and a reveal that answers only generated login passwords,
// never logs them, and hands each to the redactor first.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { secretNames, UpsFailure, type SecretName } from '../contract';
import { loginSecretNames } from '../contract/logins';
import { validateStackConfig } from '../install/validate-config';
import { createLogger } from '../log/logger';
import { createRedactor } from '../log/redactor';
import { sampleConfigInput } from '../stack/sample-config';
import { listLogins, loginsFor, revealLogin } from './service-logins';

const vaultOf = (values: Partial<Record<SecretName, string>>) => ({
  get: async (name: SecretName) => values[name] ?? null,
});
const config = (over: Parameters<typeof sampleConfigInput>[0] = {}) => {
  const r = validateStackConfig(sampleConfigInput(over));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const failureOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpsFailure);
  return (err as UpsFailure).error;
};

describe('loginsFor / listLogins', () => {
  it('lists the user name and login pages of every generated login the config has', async () => {
    const cfg = config({
      services: {
        qbittorrent: true,
        nzbget: true,
        proxy: { enabled: true, domain: 'media.example.org', acmeEmail: 'me@mail.example.org' },
      },
    });
    const logins = await listLogins(
      cfg,
      vaultOf({ 'qbittorrent.password': 'qbt-secret', 'arr.ui_password': 'arr-secret' }),
    );
    expect(logins.map((l) => [l.secret, l.username, l.stored])).toEqual([
      ['qbittorrent.password', 'admin', true],
      ['nzbget.password', 'nzbget', false],
      ['arr.ui_password', 'ups-admin', true],
      ['proxy.admin_password', 'me@mail.example.org', false],
    ]);
    expect(logins[2]!.urls).toEqual(['http://localhost:7878', 'http://localhost:8989', 'http://localhost:9696']);
    // Names and flags only: no value leaves through the list.
    expect(JSON.stringify(logins)).not.toMatch(/qbt-secret|arr-secret/);
  });

  it('leaves out the logins of services the config does not run, and has none before install', async () => {
    const cfg = config({ services: { qbittorrent: false, nzbget: true } });
    expect(loginsFor(cfg).map((l) => l.secret)).toEqual(['nzbget.password', 'arr.ui_password']);
    expect(await listLogins(null, vaultOf({}))).toEqual([]);
  });
});

describe('revealLogin', () => {
  const stored = Object.fromEntries(secretNames.map((n) => [n, `value-of-${n}-${randomBytes(4).toString('hex')}`]));
  const vault = vaultOf(stored);

  it.each(secretNames.filter((n) => !(loginSecretNames as readonly string[]).includes(n)))(
    'refuses %s: not a generated login',
    async (name) => {
      const error = await failureOf(revealLogin(name, vault, createRedactor()));
      expect(error).toMatchObject({ code: 'FORBIDDEN', field: 'name' });
      expect(JSON.stringify(error)).not.toContain(stored[name]);
    },
  );

  it('answers a generated login, and from then on the redactor hides it wherever it would be logged', async () => {
    const lines: string[] = [];
    const redactor = createRedactor();
    const log = createLogger({
      level: 'trace',
      redactor,
      destination: new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }),
    });
    const value = stored['qbittorrent.password']!;
    const res = await revealLogin('qbittorrent.password', vault, redactor);
    expect(res).toEqual({ name: 'qbittorrent.password', password: value });
    // A careless door logging the whole answer, or an error carrying it: the line is written, the value is not.
    log.info({ answer: res, note: `pw=${value}` }, `revealed ${value}`);
    log.error(new Error(`failed with ${value}`));
    expect(lines).toHaveLength(2);
    expect(lines.join('')).not.toContain(value);
    expect(lines.join('')).toContain('[REDACTED]');
  });

  it('says so plainly when the generated password is missing', async () => {
    const error = await failureOf(revealLogin('nzbget.password', vaultOf({}), createRedactor()));
    expect(error).toMatchObject({ code: 'NOT_FOUND', field: 'name' });
  });
});
