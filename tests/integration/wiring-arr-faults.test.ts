// Broken services: every link names the cause and a fix; apply stops at the first failure and leaves no half-written
// provider behind (the services test a provider on save and store nothing when the test fails).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startArrStack, startRealClients, type ArrStack, type RealClients } from '../fakes/arr-harness';
import { applyAll, planAll } from '../fakes/run-wiring';
import { arrWiring } from '../../src/core/wiring/steps/prowlarr-wiring';
import type { Fault } from '../fakes/spec-fake-server';

let stack: ArrStack;

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
});

afterEach(async () => {
  const violations = stack.violations();
  await stack.stop();
  expect(violations, 'requests/responses outside the OpenAPI files').toEqual([]);
});

const linkById = (id: string, timeoutMs = 10_000) =>
  arrWiring(stack.input(), { timeoutMs }).links.find((l) => l.id === id)!;

describe('link tests report cause and fix', () => {
  it.each<[string, Fault, RegExp, RegExp]>([
    ['401', { kind: 'status', status: 401 }, /rejected the credentials.*401/, /API key/],
    ['500', { kind: 'status', status: 500, body: 'Database is locked' }, /HTTP 500.*Database is locked/, /logs/],
    ['malformed JSON', { kind: 'malformed' }, /unexpected content.*not JSON/, /points at Radarr/],
    ['timeout', { kind: 'hang' }, /did not answer.*within 0.3 s/, /starting or is overloaded/],
    ['connection reset', { kind: 'reset' }, /unreachable/, /running and listening/],
  ])('Radarr %s', async (_name, fault, detail, fix) => {
    await applyAll(arrWiring(stack.input()).steps);
    stack.fakes.radarr.server.fault = fault;
    const result = await linkById('radarr->qbittorrent', fault.kind === 'hang' ? 300 : 10_000).run();
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(detail);
    expect(result.fix).toMatch(fix);
  });

  it('reports an unreachable service (nothing listening)', async () => {
    const url = stack.fakes.sonarr.url;
    await stack.fakes.sonarr.stop();
    const link = arrWiring(stack.input({ sonarr: { url, internalUrl: 'http://sonarr:8989', apiKey: 'x' } })).links.find(
      (l) => l.id === 'sonarr->nzbget',
    )!;
    const result = await link.run();
    expect([result.ok, result.detail]).toEqual([false, expect.stringMatching(/Sonarr is unreachable .*ECONNREFUSED/)]);
    expect(result.fix).toMatch(/is running/);
    expect(result.action).toMatchObject({ action: 'stack.up' });
  });

  it("passes on the service's own test failure (download client gone, wrong password)", async () => {
    await applyAll(arrWiring(stack.input()).steps);
    delete stack.network['vpn:6789'];
    // The password Prowlarr holds no longer matches qBittorrent's (changed in one of them by hand).
    const qbInProwlarr = stack.fakes.prowlarr.state.downloadclient.find((p) => p.name === 'qBittorrent')!;
    (qbInProwlarr.fields as { name: string; value: unknown }[]).find((f) => f.name === 'password')!.value =
      'changed-in-prowlarr';
    const [nzb, qb] = await Promise.all([linkById('radarr->nzbget').run(), linkById('prowlarr->qbittorrent').run()]);
    // Radarr's own test: the connection failure, then the category check that needs the connection too.
    expect([nzb.ok, nzb.detail]).toEqual([
      false,
      'Radarr cannot use nzbget: Unable to connect to NZBGet; Test was aborted due to an error: Name or service not known (vpn:6789)',
    ]);
    expect([qb.ok, qb.detail]).toEqual([false, 'Prowlarr cannot use qbittorrent: Authentication failure']);
    expect(nzb.action).toMatchObject({ action: 'wiring.apply' });
  });

  it('says a link is not configured before apply', async () => {
    const result = await linkById('prowlarr->radarr').run();
    expect([result.ok, result.detail, result.fix]).toEqual([
      false,
      'Prowlarr has no application "Radarr".',
      'Repair the links to create it.',
    ]);
  });
});

describe('apply stops at a failing dependency', () => {
  it('stores no download client a service could not reach; what depends on nothing broken still applies', async () => {
    delete stack.network['vpn:8080'];
    const outcome = await applyAll(arrWiring(stack.input()).steps);
    expect(outcome.failed?.id).toBe('radarr.download-client.qbittorrent');
    expect(outcome.failed?.error.message).toMatch(
      /Radarr refused to save qBittorrent: Unable to connect to qBittorrent/,
    );
    expect(outcome.failed?.error.fix).toMatch(/not reachable from the Radarr container/);
    const failed = outcome.result.steps.filter((s) => s.status === 'failed').map((s) => s.id);
    expect(failed).toEqual([
      'radarr.download-client.qbittorrent',
      'sonarr.download-client.qbittorrent',
      'prowlarr.download-client.qbittorrent',
    ]);
    for (const f of Object.values(stack.fakes)) {
      expect(f.state.downloadclient.map((p) => p.name)).toEqual(['NZBGet']);
    }
  });

  it('stores no Prowlarr application when the app rejects the key Prowlarr was given', async () => {
    // Prowlarr is handed a stale Radarr key: its save-time test calls Radarr, which answers 401.
    const stale = stack.input();
    const step = arrWiring({ ...stale, radarr: { ...stale.radarr, apiKey: 'stale-key' } }).steps.find(
      (s) => s.id === 'prowlarr.application.radarr',
    )!;
    await expect(step.apply(await step.plan(), () => undefined)).rejects.toThrow(
      /Prowlarr refused to save Radarr: Unauthorized - ApiKey is invalid/,
    );
    expect(stack.fakes.prowlarr.state.applications).toEqual([]);
    expect((await step.plan())[0]!.action).toBe('create');
  });

  it('rejects an invalid wiring input before calling anything, naming the field', () => {
    expect(() => arrWiring({ ...stack.input(), ui: { username: 'a', password: 'short' } })).toThrow(
      /wiring\.ui\.password/,
    );
    expect(stack.writes()).toEqual([]);
  });

  it('plans without writing anything', async () => {
    await planAll(arrWiring(stack.input()).steps);
    expect(stack.writes()).toEqual([]);
  });
});
