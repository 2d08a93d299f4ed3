// Arr wiring against spec-validating fakes: plan → apply → links green → second apply writes nothing → drift repaired.
// The fakes reject anything their OpenAPI file does not declare; each test ends by asserting no violation happened.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  arrKeys as keys,
  dlCreds as creds,
  startArrStack,
  startRealClients,
  type ArrStack,
  type RealClients,
} from '../fakes/arr-harness';
import { applyAll, planAll } from '../fakes/run-wiring';
import { arrWiring } from '../../src/core/wiring/steps/prowlarr-wiring';

let stack: ArrStack;
let fakes: ArrStack['fakes'];
const input = () => stack.input();
const writes = () => stack.writes();
const clearCalls = () => stack.clearCalls();

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
  stack = await startArrStack({ clients });
  fakes = stack.fakes;
});

afterEach(async () => {
  const violations = stack.violations();
  await stack.stop();
  expect(violations, 'requests/responses outside the OpenAPI files').toEqual([]);
});

describe('Arr wiring, full sequence', () => {
  it('plans, applies, tests every link, then applies nothing and repairs hand-made drift', async () => {
    const { steps, links } = arrWiring(input());
    const first = await planAll(steps);
    expect(first.filter((c) => c.action === 'nothing')).toEqual([]);
    expect(first.map((c) => `${c.service}:${c.resource}`)).toContain('prowlarr:application Radarr');

    const outcome = await applyAll(steps);
    expect(outcome.failed).toBeUndefined();
    expect(outcome.events.length).toBeGreaterThan(0);

    // What the services now hold, read from the fakes' own state.
    const qb = fakes.radarr.state.downloadclient.find((p) => p.name === 'qBittorrent')!;
    const field = (p: Record<string, unknown>, n: string) =>
      (p.fields as { name: string; value: unknown }[]).find((f) => f.name === n)?.value;
    expect([field(qb, 'host'), field(qb, 'port'), field(qb, 'movieCategory'), field(qb, 'password')]).toEqual([
      'vpn',
      8080,
      'radarr',
      creds.qb.password,
    ]);
    const sonarrNzb = fakes.sonarr.state.downloadclient.find((p) => p.name === 'NZBGet')!;
    expect(field(sonarrNzb, 'tvCategory')).toBe('tv');
    expect(fakes.sonarr.state.rootfolder.map((r) => r.path)).toEqual(['/data/media/tv']);
    expect(fakes.radarr.state.host).toMatchObject({ authenticationMethod: 'forms', username: 'ups-admin' });
    const app = fakes.prowlarr.state.applications.find((a) => a.name === 'Sonarr')!;
    expect([app.syncLevel, field(app, 'baseUrl'), field(app, 'apiKey')]).toEqual([
      'fullSync',
      'http://sonarr:8989',
      keys.sonarr,
    ]);

    const results = await Promise.all(links.map((l) => l.run()));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.map((r) => r.id).sort()).toEqual(
      [
        'prowlarr->nzbget',
        'prowlarr->qbittorrent',
        'prowlarr->radarr',
        'prowlarr->sonarr',
        'radarr->nzbget',
        'radarr->qbittorrent',
        'sonarr->nzbget',
        'sonarr->qbittorrent',
      ].sort(),
    );

    clearCalls();
    expect((await planAll(steps)).filter((c) => c.action !== 'nothing')).toEqual([]);
    const second = await applyAll(steps);
    expect(second.failed).toBeUndefined();
    expect(writes()).toEqual([]);

    // Drift by hand: a wrong host, a removed root folder, an application downgraded to add-only.
    (qb.fields as { name: string; value: unknown }[]).find((f) => f.name === 'host')!.value = 'qbittorrent';
    fakes.sonarr.state.rootfolder = [];
    fakes.prowlarr.state.applications.find((a) => a.name === 'Radarr')!.syncLevel = 'addOnly';
    const drift = (await planAll(steps)).filter((c) => c.action !== 'nothing');
    expect(drift.map((c) => `${c.service}:${c.resource}:${c.action}`).sort()).toEqual(
      [
        'prowlarr:application Radarr:update',
        'radarr:download client qBittorrent:update',
        'sonarr:root folder /data/media/tv:create',
      ].sort(),
    );
    expect(drift.find((c) => c.service === 'radarr')!.reason).toContain('host');
    await applyAll(steps);
    expect((await planAll(steps)).filter((c) => c.action !== 'nothing')).toEqual([]);
    expect((await Promise.all(links.map((l) => l.run()))).every((r) => r.ok)).toBe(true);
  });

  it('keeps a stored secret when it is sent back masked on PUT', async () => {
    const { steps, links } = arrWiring(input());
    await applyAll(steps);
    const radarrQb = links.find((l) => l.id === 'radarr->qbittorrent')!;
    // Re-save exactly what Radarr answers (password masked) through the fake's own API, as the UI would.
    const listed = (await (
      await fetch(`${fakes.radarr.url}/api/v3/downloadclient`, { headers: { 'X-Api-Key': keys.radarr } })
    ).json()) as Record<string, unknown>[];
    const qb = listed.find((p) => p.name === 'qBittorrent')!;
    expect((qb.fields as { name: string; value: unknown }[]).find((f) => f.name === 'password')!.value).toBe(
      '********',
    );
    const put = await fetch(`${fakes.radarr.url}/api/v3/downloadclient/${String(qb.id)}`, {
      method: 'PUT',
      headers: { 'X-Api-Key': keys.radarr, 'content-type': 'application/json' },
      body: JSON.stringify(qb),
    });
    expect(put.status).toBe(200);
    expect((await radarrQb.run()).ok).toBe(true);
  });
});
