// Wiring against a real qbittorrent-nox 4.5.2: plan → apply → zero-write re-apply → drift → wrong password, counted at a proxy.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQbittorrentClient, type QbtCredential } from '../../src/core/wiring/clients/qbittorrent-client';
import { applyWiring } from '../../src/core/wiring/engine/apply-wiring';
import { runLinkTests } from '../../src/core/wiring/engine/link-tests';
import { planWiring } from '../../src/core/wiring/engine/plan-wiring';
import {
  qbittorrentLinkTest,
  qbittorrentSteps,
  type QbittorrentDesired,
} from '../../src/core/wiring/steps/qbittorrent-steps';
import {
  startQbittorrent,
  startRecordingProxy,
  type RecordedRequest,
  type RunningClient,
} from '../helpers/real-download-clients';

let qbt: RunningClient;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let want: QbittorrentDesired;
const INITIAL: QbtCredential = { username: 'admin', password: 'adminadmin' };

beforeAll(async () => {
  qbt = await startQbittorrent();
  proxy = await startRecordingProxy(qbt.baseUrl);
  want = {
    savePath: join(qbt.dir, 'data', 'torrents'),
    categories: { radarr: 'movies', 'tv-sonarr': 'tv' },
    username: 'admin',
    password: randomBytes(12).toString('base64url'),
  };
});
afterAll(async () => {
  await proxy?.close();
  await qbt?.stop();
});

/** A fresh client each time, like a fresh `ups apply` process: no session carried over. */
function wiring(
  credential: QbtCredential = { username: want.username, password: want.password },
  initial: QbtCredential | null = INITIAL,
) {
  const client = createQbittorrentClient({ baseUrl: proxy.url, credential, initial: initial ?? undefined });
  return { client, steps: qbittorrentSteps(client, want) };
}

const logins = (rs: RecordedRequest[]) => rs.filter((r) => r.path === '/api/v2/auth/login');
const writes = (rs: RecordedRequest[]) => rs.filter((r) => r.method !== 'GET' && r.path !== '/api/v2/auth/login');

/** Reads qBittorrent directly (not through our client) so the assertions do not trust the code under test. */
async function direct(path: string, password: string, form?: Record<string, string>): Promise<unknown> {
  const login = await fetch(`${qbt.baseUrl}/api/v2/auth/login`, {
    method: 'POST',
    body: new URLSearchParams({ username: 'admin', password }),
  });
  expect(await login.text()).toBe('Ok.');
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  const res = await fetch(
    `${qbt.baseUrl}/api/v2${path}`,
    form ? { method: 'POST', headers: { cookie }, body: new URLSearchParams(form) } : { headers: { cookie } },
  );
  expect(res.status).toBe(200);
  const text = await res.text();
  return form ? text : JSON.parse(text);
}

describe('qBittorrent wiring (real qbittorrent-nox)', () => {
  it('plans every change with a reason, then apply sets paths, categories and the permanent password', async () => {
    const { steps } = wiring();
    const plan = await planWiring(steps);
    expect(plan.failed).toBe(0);
    const byResource = Object.fromEntries(plan.steps.flatMap((s) => s.changes).map((c) => [c.resource, c]));
    expect(byResource['save path']).toMatchObject({ action: 'update', reason: expect.stringContaining(want.savePath) });
    expect(byResource['automatic torrent management']?.action).toBe('update');
    expect(byResource['web ui login']).toMatchObject({
      action: 'update',
      reason: expect.stringContaining('initial password'),
    });
    expect(byResource['category radarr']?.action).toBe('create');
    expect(byResource['category tv-sonarr']?.action).toBe('create');
    expect(plan.pending).toBe(5);

    const progress: string[] = [];
    const result = await applyWiring(steps, { progress: (p) => progress.push(`${p.step}:${p.message}`) });
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => [s.id, s.status])).toEqual([
      ['qbittorrent.preferences', 'applied'],
      ['qbittorrent.categories', 'applied'],
    ]);
    expect(progress.some((p) => p.startsWith('qbittorrent.categories:'))).toBe(true);

    // The generated password now opens a session; the state is what we asked for.
    const prefs = (await direct('/app/preferences', want.password)) as Record<string, unknown>;
    expect(prefs).toMatchObject({
      save_path: want.savePath,
      auto_tmm_enabled: true,
      category_changed_tmm_enabled: true,
    });
    expect(await direct('/torrents/categories', want.password)).toEqual({
      radarr: { name: 'radarr', savePath: join(want.savePath, 'movies') },
      'tv-sonarr': { name: 'tv-sonarr', savePath: join(want.savePath, 'tv') },
    });
  });

  it('a second apply reads only: zero writes and a single login with the generated password', async () => {
    proxy.requests.length = 0;
    const result = await applyWiring(wiring().steps);
    expect(result.steps.map((s) => s.status)).toEqual(['unchanged', 'unchanged']);
    expect(writes(proxy.requests)).toEqual([]);
    expect(logins(proxy.requests)).toHaveLength(1);
    expect(logins(proxy.requests)[0]!.body).toContain(encodeURIComponent(want.password).replace(/%20/g, '+'));
    expect(proxy.requests.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(2);
  });

  it('shows drift made by hand in the next plan and repairs it', async () => {
    await direct('/torrents/editCategory', want.password, { category: 'radarr', savePath: '/elsewhere/radarr' });
    await direct('/app/setPreferences', want.password, { json: JSON.stringify({ auto_tmm_enabled: false }) });
    const { steps } = wiring();
    const plan = await planWiring(steps);
    const pending = plan.steps.flatMap((s) => s.changes).filter((c) => c.action !== 'nothing');
    expect(pending.map((c) => c.resource).sort()).toEqual(['automatic torrent management', 'category radarr']);
    expect(pending.find((c) => c.resource === 'category radarr')?.reason).toContain('/elsewhere/radarr');

    expect((await applyWiring(steps)).ok).toBe(true);
    expect((await planWiring(wiring().steps)).pending).toBe(0);
  });

  it('a login bypass made by hand (localhost, LAN subnet whitelist) is planned and switched off (docs/decisions.md D17)', async () => {
    await direct('/app/setPreferences', want.password, {
      json: JSON.stringify({
        bypass_local_auth: true,
        bypass_auth_subnet_whitelist_enabled: true,
        bypass_auth_subnet_whitelist: '192.168.0.0/16\n172.16.0.0/12',
      }),
    });
    const plan = await planWiring(wiring().steps);
    const pending = plan.steps.flatMap((s) => s.changes).filter((c) => c.action !== 'nothing');
    expect(pending.map((c) => c.resource)).toEqual(['login for every address']);
    expect(pending[0]!.reason).toContain('localhost and whitelisted subnets');
    expect((await applyWiring(wiring().steps)).ok).toBe(true);
    const prefs = (await direct('/app/preferences', want.password)) as Record<string, unknown>;
    expect(prefs).toMatchObject({ bypass_local_auth: false, bypass_auth_subnet_whitelist_enabled: false });
    // Without a session qBittorrent now refuses the API, even from 127.0.0.1.
    expect((await fetch(`${qbt.baseUrl}/api/v2/app/preferences`)).status).toBe(403);
    expect((await planWiring(wiring().steps)).pending).toBe(0);
  });

  it('a wrong password is one clear error after exactly one login attempt, and blocks dependent steps', async () => {
    proxy.requests.length = 0;
    const { steps, client } = wiring({ username: 'admin', password: 'not-the-password' }, null);
    const result = await applyWiring(steps);
    expect(result.ok).toBe(false);
    const [prefs, cats] = result.steps;
    expect(prefs).toMatchObject({
      status: 'failed',
      error: { message: expect.stringContaining('rejected the login for user "admin"') },
    });
    expect(prefs!.error!.fix).toMatch(/password/);
    expect(prefs!.error!.message).not.toContain('not-the-password');
    expect(cats).toMatchObject({ status: 'blocked' });
    const table = await runLinkTests([qbittorrentLinkTest(client)]);
    expect(table.links[0]).toMatchObject({ ok: false, detail: expect.stringContaining('rejected the login') });
    expect(logins(proxy.requests)).toHaveLength(1);
    expect(writes(proxy.requests)).toEqual([]);
  });

  it('the link test passes with the stored login, straight to qBittorrent (no proxy)', async () => {
    const client = createQbittorrentClient({
      baseUrl: qbt.baseUrl,
      credential: { username: want.username, password: want.password },
    });
    const table = await runLinkTests([qbittorrentLinkTest(client)]);
    expect(table.ok).toBe(true);
    expect(table.links[0]!.detail).toMatch(
      /^qBittorrent v4\.5\.\d+ \(Web API 2\.\d+\.\d+\) accepts the stored login\.$/,
    );
  });
});
