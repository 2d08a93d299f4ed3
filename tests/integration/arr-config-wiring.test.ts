// arr.yml end to end against the spec-validating fakes: the plan shows exactly the differences, apply twice writes
// nothing the second time, hand drift is offered to the file, nothing unmanaged is deleted without prune (and
// confirmation), indexers come from Prowlarr's definition list and are tested before save, Plex connections,
// quality presets, Bazarr subtitles.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ArrConfigSchema, type ArrConfig, type ArrConfigInput } from '../../src/core/contract/arr-config';
import { defaultArrConfig } from '../../src/core/install/arr-config-file';
import { prowlarrClient } from '../../src/core/wiring/clients/prowlarr';
import { definitionView } from '../../src/core/wiring/clients/prowlarr-indexers';
import { applyWiring } from '../../src/core/wiring/engine/apply-wiring';
import { planWiring } from '../../src/core/wiring/engine/plan-wiring';
import { profileNameOf } from '../../src/core/wiring/steps/arr-config-wiring';
import type { WiringStep } from '../../src/core/wiring/wiring-types';
import { startArrFake, type ArrFake } from '../fakes/arr-fake';
import { arrConfigStepsOnFakes } from '../fakes/arr-config-on-fakes';
import type { FakeNetwork } from '../fakes/arr-fake-checks';
import { startBazarrFake, type BazarrFake } from '../fakes/bazarr-fake';
import { startPlexLibraryFake, type PlexLibraryFake } from '../fakes/plex-library-fake';

const PLEX_TOKEN = 'plex-token-for-tests';
const keys = { radarr: 'r'.repeat(32), sonarr: 's'.repeat(32), prowlarr: 'p'.repeat(32) };
const secrets = new Map<string, string>([['indexer.my-iptorrents.cookie', 'uid=1; pass=cookie-value']]);

let network: FakeNetwork;
let fakes: Record<'radarr' | 'sonarr' | 'prowlarr', ArrFake>;
let bazarr: BazarrFake;
let plex: PlexLibraryFake;
let site: Server;

async function startAll() {
  network = {};
  fakes = {
    radarr: await startArrFake('radarr', keys.radarr, network),
    sonarr: await startArrFake('sonarr', keys.sonarr, network),
    prowlarr: await startArrFake('prowlarr', keys.prowlarr, network),
  };
  bazarr = await startBazarrFake(network);
  plex = await startPlexLibraryFake({
    token: PLEX_TOKEN,
    sections: [
      { title: 'Movies', type: 'movie', location: '/data/media/movies' },
      { title: 'TV Shows', type: 'show', location: '/data/media/tv' },
    ],
    resolve: () => '/nonexistent-ups-test',
  });
  network['plex:32400'] = { url: plex.server.url };
  // A tracker site the Prowlarr fake reaches by the definition's host.
  site = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  network['1337x.example'] = { url: `http://127.0.0.1:${(site.address() as AddressInfo).port}/` };
}

async function stopAll() {
  await Promise.all([...Object.values(fakes).map((f) => f.stop()), bazarr.server.stop(), plex.stop()]);
  await new Promise((r) => site.close(r));
}

function config(over: (c: ArrConfigInput) => void = () => undefined): ArrConfig {
  const c = structuredClone(
    defaultArrConfig({ services: { qbittorrent: true, nzbget: false } } as never),
  ) as ArrConfigInput;
  c.prowlarr.indexers.items = [{ name: '1337x', definition: '1337x', fields: { sort: 0 } }];
  over(c);
  return ArrConfigSchema.parse(c);
}

function steps(cfg: ArrConfig, withBaseRootFolders = true): WiringStep[] {
  return arrConfigStepsOnFakes({
    config: cfg,
    fakes,
    keys,
    bazarr,
    plex,
    plexToken: PLEX_TOKEN,
    clientId: 'test',
    secret: async (n) => secrets.get(n) ?? null,
    standIns: withBaseRootFolders,
  });
}

const allWrites = () => [...Object.values(fakes).flatMap((f) => f.server.writes()), ...bazarr.server.writes()];
const clearCalls = () => {
  Object.values(fakes).forEach((f) => f.server.calls.splice(0));
  bazarr.server.calls.splice(0);
};
const changes = async (s: WiringStep[]) => (await planWiring(s)).steps.flatMap((p) => p.changes);

describe('arr.yml wiring against the fakes', () => {
  beforeAll(async () => {
    await startAll();
    // Root folders exist as the base wiring makes them (the Plex check compares them with Plex's libraries).
    fakes.radarr.state.rootfolder.push({ id: 900, path: '/data/media/movies', accessible: true });
    fakes.sonarr.state.rootfolder.push({ id: 901, path: '/data/media/tv', accessible: true });
  });
  afterAll(stopAll);
  beforeEach(clearCalls);

  it('plans exactly the differences, applies them, and a second apply writes nothing', async () => {
    const cfg = config();
    const plan = await planWiring(steps(cfg));
    expect(plan.failed).toBe(0);
    const pending = plan.steps.flatMap((s) => s.changes).filter((c) => c.action !== 'nothing');
    expect(pending.map((c) => `${c.service} ${c.action} ${c.resource}`).sort()).toEqual(
      [
        'radarr create quality profile HD Bluray + WEB',
        'sonarr create quality profile HD Bluray + WEB',
        'radarr update naming',
        'sonarr update naming',
        'radarr create connection Plex',
        'sonarr create connection Plex',
        'prowlarr create indexer 1337x',
        'bazarr update subtitle languages and providers',
      ].sort(),
    );
    // media management already matches the defaults: listed, but nothing to do
    expect(plan.steps.find((s) => s.id === 'radarr.mediamanagement')?.changes[0]?.action).toBe('nothing');
    expect(allWrites()).toEqual([]); // planning reads only

    const first = await applyWiring(steps(cfg));
    expect(first.steps.filter((s) => s.status === 'failed').map((s) => [s.id, s.error?.message])).toEqual([]);
    expect(first.ok).toBe(true);

    // What the services now hold.
    const profile = fakes.radarr.state.qualityprofile.find((p) => p.name === 'HD Bluray + WEB')!;
    const allowed = (profile.items as { allowed: boolean; name?: string; quality?: { name: string } }[])
      .filter((i) => i.allowed)
      .map((i) => i.quality?.name ?? i.name);
    expect(allowed.sort()).toEqual(['Bluray-1080p', 'WEB 1080p']);
    expect(profile.cutoff).toBe(7); // Bluray-1080p's quality id
    expect(fakes.radarr.state.naming.renameMovies).toBe(true);
    const plexConn = fakes.sonarr.state.notification[0]!;
    expect(plexConn).toMatchObject({ implementation: 'PlexServer', onDownload: true, onUpgrade: true, onRename: true });
    expect(fakes.prowlarr.state.indexer.map((i) => [i.name, i.definitionName, i.appProfileId])).toEqual([
      ['1337x', '1337x', 1],
    ]);
    expect(bazarr.languageProfiles().map((p) => p.name)).toEqual(['Default']);
    expect(bazarr.settings.general!.enabled_providers).toEqual(['podnapisi', 'yifysubtitles', 'embeddedsubtitles']);
    expect(String(bazarr.settings.general!.movie_default_profile)).toBe('1');
    expect(Object.values(fakes).flatMap((f) => f.server.violations)).toEqual([]);

    clearCalls();
    expect((await planWiring(steps(cfg))).pending).toBe(0);
    const second = await applyWiring(steps(cfg));
    expect(second.steps.every((s) => s.status === 'unchanged')).toBe(true);
    expect(allWrites()).toEqual([]);
  });

  it('shows a hand edit as drift with the service value to keep in the file', async () => {
    fakes.radarr.state.naming = { ...fakes.radarr.state.naming, renameMovies: false };
    const naming = (await changes(steps(config()))).find((c) => c.service === 'radarr' && c.resource === 'naming')!;
    expect(naming.action).toBe('update');
    expect(naming.reason).toContain('renameMovies (now false)');
    expect(naming.keep).toEqual([{ path: ['radarr', 'naming', 'renameMovies'], value: false }]);
    fakes.radarr.state.naming = { ...fakes.radarr.state.naming, renameMovies: true };
  });

  it('leaves unmanaged indexers alone, and deletes them under prune only when confirmed', async () => {
    fakes.prowlarr.state.indexer.push({
      id: 777,
      name: 'Hand-made',
      implementation: 'Newznab',
      enable: false,
      fields: [],
    });
    const plain = await changes(steps(config()));
    expect(plain.filter((c) => c.action === 'delete')).toEqual([]);

    const pruning = config((c) => (c.prowlarr.indexers.prune = true));
    const deletes = (await changes(steps(pruning))).filter((c) => c.action === 'delete');
    expect(deletes.map((c) => c.resource)).toEqual(['indexer Hand-made']);

    const unconfirmed = await applyWiring(steps(pruning));
    expect(unconfirmed.steps.find((s) => s.id === 'prowlarr.indexers.prune')?.error?.message).toMatch(/not confirmed/);
    expect(fakes.prowlarr.state.indexer.map((i) => i.name)).toContain('Hand-made');

    await applyWiring(steps(pruning), { confirmDeletes: true });
    expect(fakes.prowlarr.state.indexer.map((i) => i.name)).toEqual(['1337x']);
  });

  it("lists Prowlarr's definitions, public ones by privacy, with the fields each asks for (secrets marked)", async () => {
    const list = (
      await prowlarrClient({ url: fakes.prowlarr.url, apiKey: keys.prowlarr }).providerTemplates('indexer')
    ).map(definitionView);
    expect(list.filter((d) => d.privacy === 'public').map((d) => d.definition)).toEqual(['1337x', 'knaben']);
    const ipt = list.find((d) => d.definition === 'iptorrents')!;
    expect(ipt.fields.find((f) => f.name === 'cookie')?.secret).toBe(true);
    expect(ipt.fields.map((f) => f.name)).not.toContain('definitionFile'); // hidden
  });

  it('refuses an indexer whose test fails and saves nothing; secrets come from the vault, never the file', async () => {
    const cfg = config((c) => {
      c.prowlarr.indexers.items!.push({
        name: 'My IPTorrents',
        definition: 'iptorrents',
        fields: { cookie: { secret: 'indexer.my-iptorrents.cookie' } },
      });
    });
    const result = await applyWiring(steps(cfg));
    const failed = result.steps.find((s) => s.id === 'prowlarr.indexer.my-iptorrents')!;
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toMatch(/Unable to connect to indexer/);
    expect(fakes.prowlarr.state.indexer.map((i) => i.name)).not.toContain('My IPTorrents');
    // tested with Prowlarr's test endpoint, never saved
    const calls = fakes.prowlarr.server.calls.map((c) => `${c.method} ${c.path} ${c.status}`);
    expect(calls).toContain('POST /api/v1/indexer/test 400');
    expect(calls.filter((c) => c.startsWith('POST /api/v1/indexer '))).toEqual([]);
    // the file holds the reference only; a missing vault entry stops the plan with its name and the fix
    expect(JSON.stringify(cfg)).not.toContain('cookie-value');
    secrets.delete('indexer.my-iptorrents.cookie');
    const plan = await planWiring(steps(cfg));
    const missing = plan.steps.find((s) => s.id === 'prowlarr.indexer.my-iptorrents')!;
    expect(missing.error?.message).toMatch(/vault has no indexer\.my-iptorrents\.cookie/);
    expect(missing.error?.fix).toMatch(/Indexers dialog/);
  });

  it('the 4K preset replaces the profile contents and Seerr follows its name', async () => {
    const cfg = config((c) => (c.radarr.qualityProfile = { preset: '4K' }));
    expect(profileNameOf(cfg.radarr)).toBe('UHD Bluray + WEB');
    await applyWiring(steps(cfg));
    const p = fakes.radarr.state.qualityprofile.find((x) => x.name === 'UHD Bluray + WEB')!;
    expect(p.cutoff).toBe(19); // Bluray-2160p
    expect((await planWiring(steps(cfg))).pending).toBe(0);
  });

  it('a Plex library that misses a root folder is the plan error of the library check', async () => {
    fakes.radarr.state.rootfolder.push({ id: 902, path: '/data/other-movies', accessible: true });
    const plan = await planWiring(steps(config()));
    const check = plan.steps.find((s) => s.id === 'plex.library-paths')!;
    expect(check.error?.message).toContain("Radarr's root folder /data/other-movies is in no Plex movie library");
    fakes.radarr.state.rootfolder.pop();
  });
});
