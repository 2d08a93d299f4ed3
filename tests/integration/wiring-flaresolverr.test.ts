// FlareSolverr as Prowlarr's indexer proxy against the spec-validating Prowlarr fake and a FlareSolverr fake: created
// with its tag and tested on save, a second apply writes nothing, drift is repaired, and what Prowlarr refuses (bad
// timeout, empty host, an unreachable or failing FlareSolverr) stores nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startArrFake, type ArrFake } from '../fakes/arr-fake';
import type { FakeNetwork } from '../fakes/arr-fake-checks';
import { startFlareSolverrFake, type FlareSolverrFake } from '../fakes/flaresolverr-fake';
import { applyAll, planAll } from '../fakes/run-wiring';
import { prowlarrClient } from '../../src/core/wiring/clients/prowlarr';
import { flaresolverrWiring, FLARESOLVERR_INTERNAL_URL } from '../../src/core/wiring/steps/flaresolverr-steps';

const key = 'p'.repeat(32);
let prowlarr: ArrFake;
let solver: FlareSolverrFake;
let network: FakeNetwork;

beforeEach(async () => {
  solver = await startFlareSolverrFake();
  network = { 'flaresolverr:8191': { url: solver.url } };
  prowlarr = await startArrFake('prowlarr', key, network);
});
afterEach(async () => {
  await prowlarr.stop();
  await solver.stop();
});

const client = () => prowlarrClient({ url: prowlarr.url, apiKey: key });
const value = (p: Record<string, unknown>, name: string) =>
  (p.fields as { name: string; value: unknown }[]).find((f) => f.name === name)?.value;

describe('FlareSolverr indexer proxy in Prowlarr', () => {
  it('creates the tag and the proxy (tested on save), then a second apply reads only', async () => {
    const w = flaresolverrWiring({ client: client() });
    expect((await planAll(w.steps)).map((c) => [c.resource, c.action])).toEqual([
      ['tag flaresolverr', 'create'],
      ['indexer proxy FlareSolverr', 'create'],
    ]);
    const first = await applyAll(w.steps);
    expect(first.failed).toBeUndefined();
    const [tag] = prowlarr.state.tag;
    expect(tag).toMatchObject({ label: 'flaresolverr' });
    expect(prowlarr.state.indexerproxy).toHaveLength(1);
    const proxy = prowlarr.state.indexerproxy[0]!;
    expect(proxy).toMatchObject({ name: 'FlareSolverr', implementation: 'FlareSolverr', tags: [tag!.id] });
    expect(value(proxy, 'host')).toBe(FLARESOLVERR_INTERNAL_URL);
    expect(value(proxy, 'requestTimeout')).toBe(60);
    // Prowlarr's save-time test reached FlareSolverr with the request FlareSolverr.cs builds.
    expect(solver.requests).toContainEqual(
      expect.objectContaining({ cmd: 'request.get', url: 'https://prowlarr.servarr.com/v1/ping', maxTimeout: 60000 }),
    );

    prowlarr.server.calls.splice(0);
    const again = flaresolverrWiring({ client: client() });
    expect((await planAll(again.steps)).every((c) => c.action === 'nothing')).toBe(true);
    expect((await applyAll(again.steps)).failed).toBeUndefined();
    expect(prowlarr.server.writes()).toEqual([]);
    expect(prowlarr.server.violations).toEqual([]);

    const [link] = again.links;
    expect(await link!.run()).toMatchObject({ ok: true, from: 'prowlarr', to: 'flaresolverr' });
  });

  it('repairs a proxy whose host was edited in the UI and gives it back its tag', async () => {
    await applyAll(flaresolverrWiring({ client: client() }).steps);
    const proxy = prowlarr.state.indexerproxy[0]!;
    (proxy.fields as { name: string; value: unknown }[]).find((f) => f.name === 'host')!.value = 'http://old:8191/';
    proxy.tags = [];
    const w = flaresolverrWiring({ client: client() });
    const plan = await planAll(w.steps);
    expect(plan).toEqual([
      expect.objectContaining({ action: 'update', reason: 'Differs in: host, tag flaresolverr.' }),
    ]);
    expect((await applyAll(w.steps)).failed).toBeUndefined();
    expect(value(prowlarr.state.indexerproxy[0]!, 'host')).toBe(FLARESOLVERR_INTERNAL_URL);
    expect(prowlarr.state.indexerproxy[0]!.tags).toEqual([prowlarr.state.tag[0]!.id]);
  });

  it('stores nothing when FlareSolverr cannot solve (Prowlarr tests on save) and names the cause', async () => {
    solver.failSolving = true;
    const out = await applyAll(flaresolverrWiring({ client: client() }).steps);
    expect(out.failed?.error.message).toMatch(/Failed to test proxy\. Status code: InternalServerError/);
    expect(prowlarr.state.indexerproxy).toEqual([]);
  });

  it('stores nothing when FlareSolverr is not on the network', async () => {
    delete network['flaresolverr:8191'];
    const out = await applyAll(flaresolverrWiring({ client: client() }).steps);
    expect(out.failed?.error.message).toMatch(
      /Unable to connect to proxy: Name or service not known \(flaresolverr:8191\)/,
    );
    expect(prowlarr.state.indexerproxy).toEqual([]);
  });

  it('refuses what Prowlarr refuses: a timeout outside 1–180, an empty host, a bad tag label', async () => {
    const out = await applyAll(flaresolverrWiring({ client: client(), requestTimeout: 0 }).steps);
    expect(out.failed?.error.message).toMatch(/'Request Timeout' must be between 1 and 180\. You entered 0\./);
    const empty = await applyAll(flaresolverrWiring({ client: client(), host: ' ' }).steps);
    expect(empty.failed?.error.message).toMatch(/'Host' must not be empty\./);
    expect(prowlarr.state.indexerproxy).toEqual([]);
    await expect(client().addTag('flare solverr')).rejects.toThrow(/Allowed characters a-z, 0-9 and -/);
  });

  it('an untagged proxy is stored untested, as Prowlarr does (Enable => Tags.Any())', async () => {
    solver.failSolving = true;
    const c = client();
    const [template] = (await c.providerTemplates('indexerproxy')).filter((t) => t.implementation === 'FlareSolverr');
    const saved = await c.createProvider('indexerproxy', { ...template!, name: 'Untagged', tags: [] });
    expect(saved.name).toBe('Untagged');
    expect(solver.requests).toEqual([]);
  });
});
