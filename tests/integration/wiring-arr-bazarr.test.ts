// Bazarr wired to Sonarr and Radarr against its recorded-response fake, next to the spec-validating Arr fakes.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BazarrClient } from '../../src/core/wiring/clients/bazarr';
import { bazarrWiring } from '../../src/core/wiring/steps/bazarr-steps';
import { arrWiring } from '../../src/core/wiring/steps/prowlarr-wiring';
import { arrKeys, startArrStack, startRealClients, type ArrStack, type RealClients } from '../fakes/arr-harness';
import { startBazarrFake, type BazarrFake } from '../fakes/bazarr-fake';
import { applyAll, planAll } from '../fakes/run-wiring';

let arr: ArrStack;
let fake: BazarrFake;

// One real qbittorrent-nox and nzbget per file (the Arr tests only read NZBGet; qBittorrent gains the categories the
// Arrs' own tests create, as it would in a real stack).
let clients: RealClients;
beforeAll(async () => {
  clients = await startRealClients();
});
afterAll(async () => {
  await clients?.stop();
});

beforeEach(async () => {
  arr = await startArrStack({ clients });
  fake = await startBazarrFake(arr.network);
});

afterEach(async () => {
  const violations = [...arr.violations(), ...fake.server.violations];
  await Promise.all([arr.stop(), fake.server.stop()]);
  expect(violations).toEqual([]);
});

function wiring(apiKey = fake.apiKey) {
  const bazarr = new BazarrClient({ url: fake.server.url, apiKey: async () => apiKey });
  const b = bazarrWiring({
    bazarr,
    sonarr: { ip: 'sonarr', port: 8989, apiKey: arrKeys.sonarr },
    radarr: { ip: 'radarr', port: 7878, apiKey: arrKeys.radarr },
  });
  return { steps: [...arrWiring(arr.input()).steps, ...b.steps], links: b.links };
}

describe('Bazarr wiring', () => {
  it('connects Sonarr and Radarr, proves both links, writes nothing the second time, repairs a changed key', async () => {
    const { steps, links } = wiring();
    const bazarrPlan = (await planAll(steps)).filter((c) => c.service === 'bazarr');
    expect(bazarrPlan.map((c) => c.action)).toEqual(['update', 'update']);
    expect(bazarrPlan[0]!.reason).toBe('Differs in: use_sonarr, ip, apikey.');
    expect((await applyAll(steps)).failed).toBeUndefined();
    expect([
      fake.settings.general!.use_sonarr,
      fake.settings.sonarr!.ip,
      fake.settings.radarr!.port,
      fake.settings.radarr!.apikey,
    ]).toEqual([true, 'sonarr', 7878, arrKeys.radarr]);
    expect((await Promise.all(links.map((l) => l.run()))).map((r) => [r.id, r.ok])).toEqual([
      ['bazarr->sonarr', true],
      ['bazarr->radarr', true],
    ]);

    fake.server.calls.splice(0);
    await applyAll(steps);
    expect(fake.server.writes()).toEqual([]);

    fake.settings.radarr!.apikey = 'typed-by-hand';
    const broken = await links[1]!.run();
    expect([broken.ok, broken.detail]).toEqual([
      false,
      'Bazarr cannot reach radarr with its stored address and API key.',
    ]);
    expect((await planAll(steps)).filter((c) => c.action !== 'nothing').map((c) => c.reason)).toEqual([
      'Differs in: apikey.',
    ]);
    await applyAll(steps);
    expect((await links[1]!.run()).ok).toBe(true);
  });

  it('reports a wrong Bazarr key and a broken Bazarr with cause and fix', async () => {
    const { links } = wiring('wrong-key');
    const r = await links[0]!.run();
    expect([r.ok, r.detail]).toEqual([false, expect.stringMatching(/Bazarr rejected the credentials/)]);
    expect(r.fix).toMatch(/bazarr\.api_key/);
    fake.server.fault = { kind: 'status', status: 500, body: 'Traceback' };
    const s = await wiring().links[0]!.run();
    expect(s.detail).toMatch(/HTTP 500.*Traceback/);
  });
});

describe('Bazarr link test against what Bazarr reports', () => {
  it('fails when Bazarr reports version "unknown" (it cannot reach the service), with a plain message', async () => {
    const { steps, links } = wiring();
    expect((await applyAll(steps)).failed).toBeUndefined();
    // Radarr goes away: Bazarr keeps its settings but its own status call fails, which it reports as `unknown`.
    delete arr.network['radarr:7878'];
    const status = (await (
      await fetch(`${fake.server.url}/api/system/status`, { headers: { 'X-API-KEY': fake.apiKey } })
    ).json()) as { data: Record<string, string> };
    expect([status.data.radarr_version, status.data.sonarr_version]).toEqual(['unknown', '5.0.0.0']);
    const r = await links[1]!.run();
    expect([r.ok, r.detail]).toEqual([false, 'Bazarr cannot reach radarr with its stored address and API key.']);
    expect(r.action).toMatchObject({ action: 'wiring.apply' });
  });
});
