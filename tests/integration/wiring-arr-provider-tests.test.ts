// The Arr fakes test providers on save the way Radarr/Sonarr/Prowlarr do, against the real qbittorrent-nox and nzbget,
// and read environment-overridden settings the way they do (see the upstream citations in tests/fakes/arr-fake*.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { arrKeys, startArrStack, startRealClients, type ArrStack, type RealClients } from '../fakes/arr-harness';
import { applyAll } from '../fakes/run-wiring';
import { arrWiring } from '../../src/core/wiring/steps/prowlarr-wiring';
import { nzbgetCategories } from '../../src/core/wiring/steps/radarr-sonarr-input';

let stack: ArrStack | null = null;
const stacks: RealClients[] = [];

afterEach(async () => {
  const violations = stack?.violations() ?? [];
  await stack?.stop();
  stack = null;
  expect(violations).toEqual([]);
});
afterAll(async () => {
  for (const c of stacks) await c.stop();
});

const field = (p: Record<string, unknown>, n: string) =>
  (p.fields as { name: string; value: unknown }[]).find((f) => f.name === n);
const api = (url: string, key: string, path: string, init: RequestInit = {}) =>
  fetch(`${url}${path}`, {
    ...init,
    headers: { 'X-Api-Key': key, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });

describe('provider tests on save, against the real download clients', () => {
  let old: RealClients;
  beforeAll(async () => {
    // NZBGet with only the categories Radarr and Sonarr use, as the stack set it up before Prowlarr's was added.
    old = await startRealClients(['movies', 'tv']);
    stacks.push(old);
  });

  it("Prowlarr refuses an NZBGet download client whose category NZBGet lacks, with Prowlarr's own message", async () => {
    stack = await startArrStack({ clients: old });
    const outcome = await applyAll(arrWiring(stack.input()).steps);
    expect(outcome.failed?.id).toBe('prowlarr.download-client.nzbget');
    expect(outcome.failed?.error.message).toBe('Prowlarr refused to save NZBGet: Category does not exist.');
    expect(stack.fakes.prowlarr.state.downloadclient.map((p) => p.name)).toEqual(['qBittorrent']);
    // Radarr's and Sonarr's categories exist, so they saved theirs.
    expect(stack.fakes.sonarr.state.downloadclient.map((p) => p.name).sort()).toEqual(['NZBGet', 'qBittorrent']);
  });

  it('the answer has the shape Servarr gives a failed validation; forceSave on POST does not skip an error, on PUT it skips the test', async () => {
    stack = await startArrStack({ clients: old });
    const { url } = stack.fakes.prowlarr;
    const templates = (await (await api(url, arrKeys.prowlarr, '/api/v1/downloadclient/schema')).json()) as Record<
      string,
      unknown
    >[];
    const nzb = structuredClone(templates.find((t) => t.implementation === 'Nzbget')!);
    delete nzb.presets;
    Object.assign(nzb, { name: 'NZBGet', enable: true });
    for (const [k, v] of Object.entries({
      host: 'vpn',
      port: 6789,
      username: 'nzbget',
      password: 'nzb-generated-pw',
      category: 'prowlarr',
    }))
      field(nzb, k)!.value = v;

    for (const q of ['', '?forceSave=true']) {
      const res = await api(url, arrKeys.prowlarr, `/api/v1/downloadclient${q}`, {
        method: 'POST',
        body: JSON.stringify(nzb),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual([
        { isWarning: false, propertyName: 'Category', errorMessage: 'Category does not exist', severity: 'error' },
      ]);
    }
    field(nzb, 'category')!.value = 'movies';
    const created = (await (
      await api(url, arrKeys.prowlarr, '/api/v1/downloadclient', { method: 'POST', body: JSON.stringify(nzb) })
    ).json()) as Record<string, unknown>;
    field(created, 'category')!.value = 'prowlarr';
    expect(
      (
        await api(url, arrKeys.prowlarr, `/api/v1/downloadclient/${String(created.id)}`, {
          method: 'PUT',
          body: JSON.stringify(created),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api(url, arrKeys.prowlarr, `/api/v1/downloadclient/${String(created.id)}?forceSave=true`, {
          method: 'PUT',
          body: JSON.stringify(created),
        })
      ).status,
    ).toBe(200);
    // A wrong NZBGet password: the real nzbget answers 401 and Prowlarr says so.
    field(created, 'password')!.value = 'wrong';
    const wrong = await api(url, arrKeys.prowlarr, '/api/v1/downloadclient/test', {
      method: 'POST',
      body: JSON.stringify(created),
    });
    expect(((await wrong.json()) as { errorMessage: string }[]).map((f) => f.errorMessage)).toEqual([
      'Authentication failed',
      'Test was aborted due to an error: Authentication failed for NzbGet, please check your settings',
    ]);
  });

  it('with the categories the product creates, every Arr saves both download clients', async () => {
    const current = await startRealClients(nzbgetCategories());
    stacks.push(current);
    stack = await startArrStack({ clients: current });
    expect((await applyAll(arrWiring(stack.input()).steps)).failed).toBeUndefined();
    for (const f of Object.values(stack.fakes))
      expect(f.state.downloadclient.map((p) => p.name).sort()).toEqual(['NZBGet', 'qBittorrent']);
    // qBittorrent got Prowlarr's category from Prowlarr's own test (it creates missing ones), as the real one does.
    const login = await fetch(`${current.qbt.baseUrl}/api/v2/auth/login`, {
      method: 'POST',
      body: new URLSearchParams({ username: 'admin', password: 'qb-generated-pw' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const cats = (await (
      await fetch(`${current.qbt.baseUrl}/api/v2/torrents/categories`, { headers: { cookie } })
    ).json()) as Record<string, unknown>;
    expect(Object.keys(cats).sort()).toEqual(expect.arrayContaining(['prowlarr', 'radarr', 'tv-sonarr']));
  });
});

describe('environment-overridden settings', () => {
  it('RADARR__AUTH__REQUIRED wins over config.xml on every read, whatever a PUT stored', async () => {
    const clients = await startRealClients();
    stacks.push(clients);
    stack = await startArrStack({
      clients,
      env: { radarr: { RADARR__AUTH__REQUIRED: 'DisabledForLocalAddresses', RADARR__AUTH__METHOD: 'Forms' } },
    });
    const { url } = stack.fakes.radarr;
    const read = async () =>
      (await (await api(url, arrKeys.radarr, '/api/v3/config/host')).json()) as Record<string, unknown>;
    const host = await read();
    expect([host.authenticationRequired, host.authenticationMethod]).toEqual(['disabledForLocalAddresses', 'forms']);
    const put = await api(url, arrKeys.radarr, `/api/v3/config/host/${String(host.id)}`, {
      method: 'PUT',
      body: JSON.stringify({ ...host, authenticationRequired: 'enabled', authenticationMethod: 'none' }),
    });
    expect(((await put.json()) as Record<string, unknown>).authenticationRequired).toBe('disabledForLocalAddresses');
    expect([(await read()).authenticationRequired, (await read()).authenticationMethod]).toEqual([
      'disabledForLocalAddresses',
      'forms',
    ]);
    // config.xml did take the write; without the variable it would be read back.
    expect(stack.fakes.radarr.state.host.authenticationRequired).toBe('enabled');
    // Sonarr's container has no such variable: its PUT is read back as stored.
    const sonarrHost = (await (
      await api(stack.fakes.sonarr.url, arrKeys.sonarr, '/api/v3/config/host')
    ).json()) as Record<string, unknown>;
    expect(sonarrHost.authenticationRequired).toBe('enabled');
  });
});
