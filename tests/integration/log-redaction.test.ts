// The doors' log files (docs/decisions.md D4) as they are really written: the bridge logs each request without its token, a
// value stored in the real keyring vault is redacted from the log file, and the built CLI logs to <config>/logs/cli.log.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../src/bridge/server';
import { createFileLogger, logFilePath } from '../../src/core/log/file-logger';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import { requireBuiltCli, ups } from '../helpers/cli';
import { requireSecretService, uniqueProject } from '../helpers/require-env';
import { createTestApp } from '../helpers/test-app';

const service = `UPS log test ${randomBytes(4).toString('hex')}`;
const vault = createKeytarVault(service);

beforeAll(() => {
  requireSecretService();
  requireBuiltCli();
});
afterAll(async () => {
  await vault.delete('plex.token');
  await vault.delete('nas.password');
});

const lines = async (path: string) =>
  (await readFile(path, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('bridge request log', () => {
  let bridge: RunningBridge;
  let path: string;

  beforeAll(async () => {
    const configDir = await mkdtemp(join(tmpdir(), 'ups-t-log-bridge-'));
    const renderer = await mkdtemp(join(tmpdir(), 'ups-t-log-renderer-'));
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>log test</title>');
    const file = createFileLogger({ configDir, door: 'cli' });
    path = file.path ?? '';
    bridge = await startBridge({
      app: createTestApp({ project: uniqueProject('log') }),
      rendererDir: renderer,
      log: file.log.child({ component: 'bridge' }),
    });
  });
  afterAll(async () => bridge?.close());

  function request(
    p: string,
    opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: p,
          method: opts.method ?? 'GET',
          headers: { host: `127.0.0.1:${bridge.port}`, ...opts.headers },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      if (opts.body !== undefined) req.write(opts.body);
      req.end();
    });
  }

  it('writes method, path and status for every request, and never the token (query, header, cookie or path)', async () => {
    const t = bridge.token;
    const statuses = [
      await request(`/?token=${t}`),
      await request('/api/call/app.info', {
        method: 'POST',
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
        body: '{}',
      }),
      await request('/index.html', { headers: { cookie: `ups_session=${t}` } }),
      await request(`/${t}/x?token=${t}`),
      await request('/?token=wrong-token'),
    ];
    expect(statuses[0]).toBe(200);
    expect(statuses[1]).toBe(200);
    expect(statuses[4]).toBe(401);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(t);
    const logged = (await lines(path)).filter((l) => l.msg === 'request');
    expect(logged.map((l) => [l.method, l.path, l.status])).toEqual([
      ['GET', '/', statuses[0]],
      ['POST', '/api/call/app.info', statuses[1]],
      ['GET', '/index.html', statuses[2]],
      ['GET', '/[REDACTED]/x', statuses[3]],
      ['GET', '/', 401],
    ]);
    expect(logged.every((l) => l.component === 'bridge')).toBe(true);
  });
});

describe('log file and the vault', () => {
  it('replaces a value set in the real keyring vault wherever it appears in a log line', async () => {
    const configDir = await mkdtemp(join(tmpdir(), 'ups-t-log-vault-'));
    const secret = `plex-${randomBytes(9).toString('hex')}`;
    await vault.set('plex.token', secret);
    // The production logger: default (process-wide) redactor, which the vault fed when it stored the value.
    const { log, path } = createFileLogger({ configDir, door: 'cli' });
    log.info({ env: { PLEX_CLAIM: secret } }, `compose up with ${secret}`);
    log.error(new Error(`plex.tv refused ${secret}`), 'sign-in failed');
    const text = await readFile(path ?? '', 'utf8');
    expect(text).not.toContain(secret);
    const [first, second] = await lines(path ?? '');
    expect(first).toMatchObject({ msg: 'compose up with [REDACTED]', env: { PLEX_CLAIM: '[REDACTED]' } });
    expect((second?.err as { message: string }).message).toBe('plex.tv refused [REDACTED]');
  });

  it('the built CLI logs each command and failed call to <config>/logs/cli.log, without the stored value', async () => {
    const configDir = await mkdtemp(join(tmpdir(), 'ups-t-log-cli-'));
    const secret = `nas-${randomBytes(9).toString('hex')}`;
    const env = { UPS_CONFIG_DIR: configDir, UPS_VAULT_SERVICE: service, UPS_T_VALUE: secret, UPS_T_SHORT: 'ab' };
    expect((await ups(['secrets', 'set', 'nas.password', '--from-env', 'UPS_T_VALUE'], env)).code).toBe(0);
    const bad = await ups(['secrets', 'set', 'nas.password', '--from-env', 'UPS_T_SHORT'], env);
    expect(bad.code).toBe(2);
    expect(await vault.get('nas.password')).toBe(secret);
    const path = logFilePath(configDir, 'cli');
    expect(await readFile(path, 'utf8')).not.toContain(secret);
    const logged = await lines(path);
    expect(logged.filter((l) => l.msg === 'command finished').map((l) => [l.command, l.exitCode])).toEqual([
      ['secrets', 0],
      ['secrets', 2],
    ]);
    expect(logged.find((l) => l.level === 40)).toMatchObject({ code: 'BAD_INPUT', name: 'ups-cli' });
  });
});
