// secrets.set on a download-client password of an installed, wired stack: real qbittorrent-nox and nzbget take the new
// password (and refuse the old one), the Radarr/Sonarr/Prowlarr fakes' download-client entries carry it, and a client
// that refuses the change leaves the vault as it was, with a fix the user can press.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAppDeps } from '../helpers/test-app';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import type { PushEvent } from '../../src/core/contract';
import type { DockerEndpoint } from '../../src/core/engine/docker-endpoint';
import { createKeytarStore } from '../../src/core/vault/keytar-store';
import { createSecretVault, type SecretVault } from '../../src/core/vault/secret-vault';
import { secretNames } from '../../src/core/contract/secret-names';
import { requireSecretService } from '../helpers/require-env';
import { startFullStack, type FullStack } from '../fakes/full-stack-harness';

let vault: SecretVault;
let stack: FullStack;
let app: AppService;
const pushes: PushEvent[] = [];

beforeAll(async () => {
  requireSecretService();
  vault = createSecretVault(
    createKeytarStore(`Ultimate Plex Stack test rotate-${Math.random().toString(36).slice(2)}`),
  );
  await vault.set('vpn.openvpn.user', 'ovpn-user-rotate');
  await vault.set('vpn.openvpn.password', 'ovpn-pass-rotate');
  stack = await startFullStack(vault);
  app = createAppService(
    testAppDeps({
      platform: 'linux',
      door: 'cli',
      project: 'ups-t-secrets-rotate',
      installRoot: async () => stack.installRoot,
      endpoint: { label: 'unused', docker: { listContainers: async () => [] } } as unknown as DockerEndpoint,
      detectCompose: async () => ({ available: false }) as never,
      vault,
      wiring: stack.wiring(),
    }),
  );
  app.subscribe((e) => pushes.push(e));
  // Installed and wired, as after the desktop app's install: NZBGet has the generated password from here on. Plex and
  // Seerr wait for a Plex sign-in this test does not need; the download clients and their users must be done.
  const applied = await app.call('wiring.apply');
  if (!applied.ok) throw new Error(applied.error.message);
  const needed = applied.value.steps.filter((s) => /^(qbittorrent|nzbget)\.|\.download-client\./.test(s.id));
  const broken = needed.filter((s) => s.status !== 'applied').map((s) => `${s.id}: ${s.error?.message}`);
  if (needed.length !== 9 || broken.length) throw new Error(`first apply failed: ${broken.join('; ')}`);
}, 180_000);

afterAll(async () => {
  const violations = stack?.violations() ?? [];
  await stack?.stop();
  if (vault) for (const name of secretNames) await vault.delete(name);
  expect(violations, 'requests/responses outside the specs').toEqual([]);
});

/** qBittorrent's own login answer (4.5.2: `200 Ok.` / `200 Fails.`; 5.2 on: 204 / 401), straight at the real binary. */
async function qbtAccepts(password: string): Promise<boolean> {
  const res = await fetch(`${stack.qbt.baseUrl}/api/v2/auth/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: 'admin', password }),
  });
  const text = (await res.text()).trim();
  if (res.status === 204 || text === 'Ok.') return true;
  if (res.status === 401 || text === 'Fails.') return false;
  throw new Error(`qBittorrent answered the login with ${res.status} ${text}`);
}

/** NZBGet's JSON-RPC `version` with Basic auth from loopback (AuthorizedIP is a TEST-NET address, so it asks). */
async function nzbgetAccepts(password: string): Promise<boolean> {
  const res = await fetch(`${stack.nzb.baseUrl}/jsonrpc`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`nzbget:${password}`).toString('base64')}`,
      connection: 'close',
    },
    body: JSON.stringify({ method: 'version', params: [], id: 1 }),
  });
  await res.arrayBuffer();
  if (res.status === 200) return true;
  if (res.status === 401) return false;
  throw new Error(`NZBGet answered ${res.status}`);
}

/** The password each Arr fake stored for the named download client (the fakes keep it in clear; the API masks it). */
function arrPasswords(name: 'qBittorrent' | 'NZBGet'): unknown[] {
  return (['radarr', 'sonarr', 'prowlarr'] as const).map((a) => {
    const entry = stack.arr[a].state.downloadclient.find((p) => p.name === name) as
      { fields: { name: string; value: unknown }[] } | undefined;
    return entry?.fields.find((f) => f.name === 'password')?.value;
  });
}

const progressOf = (operationId: string) =>
  pushes.flatMap((e) => (e.type === 'progress' && e.progress.operationId === operationId ? [e.progress] : []));

describe('secrets.set replaces a download-client password everywhere', () => {
  it('qBittorrent: the client, the vault and every app get the new password; the old one stops working', async () => {
    const old = (await vault.get('qbittorrent.password'))!;
    expect(arrPasswords('qBittorrent')).toEqual([old, old, old]);
    const next = 'replaced-qbt-Password-1';

    const r = await app.call('secrets.set', { name: 'qbittorrent.password', value: next, operationId: 'rotate-qbt' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.propagated?.client).toBe('changed');
    expect(r.value.propagated?.apps.ok).toBe(true);
    expect(r.value.propagated?.apps.steps.filter((s) => s.status === 'applied').map((s) => s.id)).toEqual([
      'radarr.download-client.qbittorrent',
      'sonarr.download-client.qbittorrent',
      'prowlarr.download-client.qbittorrent',
    ]);

    expect(await vault.get('qbittorrent.password')).toBe(next);
    expect(await qbtAccepts(next)).toBe(true);
    expect(await qbtAccepts(old)).toBe(false);
    expect(arrPasswords('qBittorrent')).toEqual([next, next, next]);
    // The consequence, step by step, on the caller's operation.
    const steps = new Set(progressOf('rotate-qbt').map((p) => p.step));
    expect([...steps]).toEqual(expect.arrayContaining(['secrets.qbittorrent', 'radarr.download-client.qbittorrent']));
    // Each app's own test of the link now passes with the new password.
    const links = await app.call('links.test');
    if (!links.ok) throw new Error(links.error.message);
    expect(links.value.links.filter((l) => l.to === 'qbittorrent' && !l.ok).map((l) => l.detail)).toEqual([]);
  });

  it('NZBGet: saved and reloaded with the new password; the apps carry it', async () => {
    const old = (await vault.get('nzbget.password'))!;
    const next = 'replaced-nzb-Password-2';
    const r = await app.call('secrets.set', { name: 'nzbget.password', value: next, operationId: 'rotate-nzb' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.propagated).toMatchObject({ client: 'changed', apps: { ok: true } });
    expect(await vault.get('nzbget.password')).toBe(next);
    expect(await nzbgetAccepts(next)).toBe(true);
    expect(await nzbgetAccepts(old)).toBe(false);
    expect(arrPasswords('NZBGet')).toEqual([next, next, next]);
    expect(progressOf('rotate-nzb').some((p) => p.step === 'secrets.nzbget')).toBe(true);
  });

  it('a client that refuses the change keeps the stored password and offers a fix; storing its own one then works', async () => {
    const stored = (await vault.get('qbittorrent.password'))!;
    // The user changed the password in qBittorrent's own web UI, so the stored one no longer opens it.
    const login = await fetch(`${stack.qbt.baseUrl}/api/v2/auth/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'admin', password: stored }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const set = await fetch(`${stack.qbt.baseUrl}/api/v2/app/setPreferences`, {
      method: 'POST',
      headers: { cookie },
      body: new URLSearchParams({ json: JSON.stringify({ web_ui_password: 'set-by-hand-Pass-3' }) }),
    });
    expect(set.status).toBe(200);

    const refused = await app.call('secrets.set', { name: 'qbittorrent.password', value: 'never-stored-Pass-4' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('UNAUTHORIZED');
    expect(refused.error.message).toMatch(/stored one was kept/);
    expect(refused.error.action).toMatchObject({ action: 'secrets.set', input: { name: 'qbittorrent.password' } });
    expect(JSON.stringify(refused.error)).not.toContain('never-stored-Pass-4');
    expect(await vault.get('qbittorrent.password')).toBe(stored);
    expect(arrPasswords('qBittorrent')).toEqual([stored, stored, stored]);

    // The fix: store the password qBittorrent uses now; the client already has it, the apps are given it.
    const fixed = await app.call('secrets.set', { name: 'qbittorrent.password', value: 'set-by-hand-Pass-3' });
    if (!fixed.ok) throw new Error(fixed.error.message);
    expect(fixed.value.propagated).toMatchObject({ client: 'already', apps: { ok: true } });
    expect(arrPasswords('qBittorrent')).toEqual(['set-by-hand-Pass-3', 'set-by-hand-Pass-3', 'set-by-hand-Pass-3']);
  });

  it('any other secret is simply stored', async () => {
    const r = await app.call('secrets.set', { name: 'nas.password', value: 'nas-Pass-5' });
    expect(r).toEqual({ ok: true, value: { name: 'nas.password' } });
  });
});
