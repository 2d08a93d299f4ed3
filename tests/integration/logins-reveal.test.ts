// logins.* through the real bridge on loopback with its request log captured: the list names logins only, the reveal
// answers one generated password to the caller and nothing of it reaches the log; other secrets are refused.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../src/bridge/server';
import { createAppService } from '../../src/core/app/app-service';
import { BRIDGE_CALL_PREFIX, type Envelope } from '../../src/core/contract';
import { createLogger } from '../../src/core/log/logger';
import { loadCatalog } from '../../src/core/stack/catalog';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { writeStack } from '../../src/core/stack/write-stack';
import type { SecretVault } from '../../src/core/vault/secret-vault';
import { uniqueProject } from '../helpers/require-env';
import { testTempRoot } from '../helpers/temp-root';
import { testAppDeps } from '../helpers/test-app';

let dir: string;
let bridge: RunningBridge;
const lines: string[] = [];
const entries = new Map<string, string>();
const vault: SecretVault = {
  backend: 'memory',
  get: async (n) => entries.get(n) ?? null,
  set: async (n, v) => void entries.set(n, v),
  delete: async (n) => entries.delete(n),
};

async function call<T>(channel: string, input: unknown = {}): Promise<Envelope<T>> {
  const res = await fetch(`http://127.0.0.1:${bridge.port}${BRIDGE_CALL_PREFIX}${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await res.json()) as Envelope<T>;
}

beforeAll(async () => {
  dir = await mkdtemp(join(testTempRoot(), 'ups-t-logins-'));
  const installRoot = join(dir, 'stack');
  entries.set('vpn.openvpn.user', `vpn-user-${randomBytes(6).toString('hex')}`);
  entries.set('vpn.openvpn.password', `vpn-pass-${randomBytes(6).toString('hex')}`);
  const w = await writeStack(sampleConfigInput({ installRoot, dataRoot: join(dir, 'media') }), {
    catalog: await loadCatalog(),
    vault,
  });
  if (!w.ok) throw new Error(JSON.stringify(w.errors));
  const renderer = join(dir, 'renderer');
  await mkdir(renderer);
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>logins</title>');
  const log = createLogger({
    level: 'trace',
    destination: new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }),
  });
  bridge = await startBridge({
    app: createAppService(
      testAppDeps({ door: 'browser', project: uniqueProject('logins'), installRoot: async () => installRoot, vault }),
    ),
    rendererDir: renderer,
    log,
  });
});
afterAll(async () => {
  await bridge?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('logins over the bridge', () => {
  it('lists the generated logins with user names and no value', async () => {
    const res = await call<{ logins: { secret: string; username: string; stored: boolean }[] }>('logins.list');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.logins.map((l) => [l.secret, l.username, l.stored])).toEqual([
      ['qbittorrent.password', 'admin', true],
      ['nzbget.password', 'nzbget', true],
      ['arr.ui_password', 'ups-admin', true],
    ]);
    const body = JSON.stringify(res);
    for (const v of entries.values()) expect(body).not.toContain(v);
  });

  it('reveals one generated password to the caller; the request log has the call but never the value', async () => {
    const res = await call<{ name: string; password: string }>('logins.reveal', { name: 'arr.ui_password' });
    expect(res).toEqual({ ok: true, value: { name: 'arr.ui_password', password: entries.get('arr.ui_password') } });
    await new Promise((r) => setTimeout(r, 50));
    const logged = lines.join('');
    expect(logged).toContain('logins.reveal');
    for (const v of entries.values()) expect(logged).not.toContain(v);
  });

  it.each(['vpn.openvpn.password', 'vpn.openvpn.user', 'radarr.api_key', 'plex.token'])(
    'refuses %s and says which logins can be shown',
    async (name) => {
      const res = await call('logins.reveal', { name });
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'name' } });
      for (const v of entries.values()) expect(JSON.stringify(res)).not.toContain(v);
    },
  );
});
