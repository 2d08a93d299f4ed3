// The whole sequence for a full stack config (Arr half): Radarr, Sonarr, Prowlarr, Plex and Seerr fakes wired together,
// secrets in the real Secret Service. plan → apply → every link green → second apply writes nothing → drift repaired.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requireSecretService } from '../helpers/require-env';
import { createKeytarStore } from '../../src/core/vault/keytar-store';
import { createSecretVault, type SecretVault } from '../../src/core/vault/secret-vault';
import { PlexTvClient } from '../../src/core/plex/plex-tv-client';
import { startPlexSignIn, waitForPlexToken } from '../../src/core/plex/plex-signin';
import { PlexServerClient } from '../../src/core/plex/plex-server-client';
import { SeerrClient } from '../../src/core/wiring/clients/seerr';
import { arrWiring } from '../../src/core/wiring/steps/prowlarr-wiring';
import { plexWiring } from '../../src/core/wiring/steps/plex-steps';
import { seerrWiring } from '../../src/core/wiring/steps/seerr-steps';
import type { LinkTest, WiringStep } from '../../src/core/wiring/wiring-types';
import { arrKeys, startArrStack, type ArrStack } from '../fakes/arr-harness';
import { startPlexFake, startPlexTvFake, type PlexFake, type PlexTvFake } from '../fakes/plex-fakes';
import { startSeerrFake, type SeerrFake } from '../fakes/seerr-fake';
import { applyAll, planAll } from '../fakes/run-wiring';
import { applyWiring } from '../../src/core/wiring/engine/apply-wiring';
import { planWiring } from '../../src/core/wiring/engine/plan-wiring';
import { runLinkTests } from '../../src/core/wiring/engine/link-tests';

const clientId = `ups-test-${Math.random().toString(36).slice(2)}`;
let vault: SecretVault;
let arr: ArrStack;
let plexTvFake: PlexTvFake;
let plexFake: PlexFake;
let seerrFake: SeerrFake;

beforeAll(() => {
  requireSecretService();
  vault = createSecretVault(createKeytarStore(`Ultimate Plex Stack test ${clientId}`));
});

beforeEach(async () => {
  arr = await startArrStack();
  plexTvFake = await startPlexTvFake();
  plexFake = await startPlexFake(plexTvFake);
  arr.network['plex:32400'] = { url: plexFake.server.url };
  seerrFake = await startSeerrFake(arr.network);
  await Promise.all([vault.delete('plex.token'), vault.delete('seerr.api_key')]);
});

afterEach(async () => {
  const violations = [
    ...arr.violations(),
    ...plexTvFake.server.violations,
    ...plexFake.server.violations,
    ...seerrFake.server.violations,
  ];
  await Promise.all([arr.stop(), plexTvFake.server.stop(), plexFake.server.stop(), seerrFake.stop()]);
  await Promise.all([vault.delete('plex.token'), vault.delete('seerr.api_key')]);
  expect(violations, 'requests/responses outside the specs or recordings').toEqual([]);
});

function fullWiring(): { steps: WiringStep[]; links: LinkTest[] } {
  const plexTv = new PlexTvClient({ clientId, baseUrl: plexTvFake.server.url });
  const plex = new PlexServerClient({ url: plexFake.server.url, token: () => vault.get('plex.token'), clientId });
  const seerr = new SeerrClient({ url: seerrFake.url, apiKey: () => vault.get('seerr.api_key') });
  const parts = [
    arrWiring(arr.input()),
    plexWiring({ server: plex, plexTv, vault }),
    seerrWiring({
      seerr,
      plex,
      vault,
      plexHost: { ip: 'plex', port: 32400 },
      libraryLocations: ['/data/media/movies', '/data/media/tv'],
      radarr: {
        hostname: 'radarr',
        port: 7878,
        apiKey: arrKeys.radarr,
        directory: '/data/media/movies',
        profileName: 'HD-1080p',
      },
      sonarr: {
        hostname: 'sonarr',
        port: 8989,
        apiKey: arrKeys.sonarr,
        directory: '/data/media/tv',
        profileName: 'HD-1080p',
      },
    }),
  ];
  return { steps: parts.flatMap((p) => p.steps), links: parts.flatMap((p) => p.links) };
}

const allWrites = () => [
  ...arr.writes(),
  ...plexFake.server.writes(),
  ...plexTvFake.server.writes(),
  ...seerrFake.server.writes(),
];
const clearCalls = () =>
  [arr.fakes.radarr, arr.fakes.sonarr, arr.fakes.prowlarr]
    .map((f) => f.server)
    .concat([plexFake.server, plexTvFake.server, seerrFake.server] as never[])
    .forEach((s) => s.calls.splice(0));

describe('full stack wiring (Arr half)', () => {
  it('plan → apply → links green → no-op apply → drift found and repaired', async () => {
    const plexTv = new PlexTvClient({ clientId, baseUrl: plexTvFake.server.url });
    const start = await startPlexSignIn(plexTv);
    plexTvFake.approve(start.pinId, 'admin-plex-token');
    await waitForPlexToken(plexTv, vault, start.pinId, { pollMs: 10 });

    const { steps, links } = fullWiring();
    const first = await planAll(steps);
    expect(first.filter((c) => c.action === 'nothing')).toEqual([]);
    const outcome = await applyAll(steps);
    expect(outcome.failed && String(outcome.failed.error)).toBeUndefined();

    // Seerr: admin is user 1, the key went to the vault, Plex + both libraries enabled, defaults set, initialised.
    expect(seerrFake.state.users.map((u) => u.id)).toEqual([1]);
    expect(await vault.get('seerr.api_key')).toBe(seerrFake.state.apiKey);
    expect(seerrFake.state.plex.libraries.map((l) => [l.name, l.enabled])).toEqual([
      ['Movies', true],
      ['TV Shows', true],
    ]);
    expect(
      seerrFake.state.radarr.map((r) => [r.hostname, r.activeProfileName, r.activeDirectory, r.isDefault]),
    ).toEqual([['radarr', 'HD-1080p', '/data/media/movies', true]]);
    expect(seerrFake.state.initialized).toBe(true);

    const results = await Promise.all(links.map((l) => l.run()));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.length).toBe(12);

    clearCalls();
    expect((await planAll(steps)).filter((c) => c.action !== 'nothing')).toEqual([]);
    await applyAll(steps);
    expect(allWrites()).toEqual([]);

    // Drift by hand: a library disabled in Seerr, Radarr's folder changed in Seerr, Sonarr's NZBGet removed.
    seerrFake.state.plex.libraries[1]!.enabled = false;
    seerrFake.state.radarr[0]!.activeDirectory = '/movies';
    arr.fakes.sonarr.state.downloadclient = arr.fakes.sonarr.state.downloadclient.filter((p) => p.name !== 'NZBGet');
    const drift = (await planAll(steps)).filter((c) => c.action !== 'nothing');
    expect(drift.map((c) => `${c.service}:${c.resource}:${c.action}`).sort()).toEqual([
      'seerr:Plex libraries:update',
      'seerr:Radarr:update',
      'sonarr:download client NZBGet:create',
    ]);
    await applyAll(steps);
    expect((await planAll(steps)).filter((c) => c.action !== 'nothing')).toEqual([]);
    expect(seerrFake.state.plex.libraries.every((l) => l.enabled)).toBe(true);
  });

  it('keeps a Seerr library the user enabled by hand when enabling ours', async () => {
    const plexTv = new PlexTvClient({ clientId, baseUrl: plexTvFake.server.url });
    const start = await startPlexSignIn(plexTv);
    plexTvFake.approve(start.pinId, 'admin-plex-token');
    await waitForPlexToken(plexTv, vault, start.pinId, { pollMs: 10 });
    const { steps } = fullWiring();
    await applyAll(steps.filter((s) => s.service === 'plex' || ['seerr.signin', 'seerr.plex'].includes(s.id)));
    // The user adds an Anime library in Plex and enables it in Seerr by hand.
    plexFake.state.sections.push({
      key: '9',
      type: 'show',
      title: 'Anime',
      Location: [{ id: 90, path: '/data/media/anime' }],
    });
    seerrFake.state.plex.libraries = [{ id: '9', name: 'Anime', enabled: true }];
    await applyAll(steps);
    expect(
      seerrFake.state.plex.libraries
        .filter((l) => l.enabled)
        .map((l) => l.name)
        .sort(),
    ).toEqual(['Anime', 'Movies', 'TV Shows']);
  });

  it('reports Seerr links with cause and fix when Radarr is down or Seerr is not signed in', async () => {
    const { links } = fullWiring();
    const before = await links.find((l) => l.id === 'seerr->radarr')!.run();
    expect([before.ok, before.detail]).toEqual([false, expect.stringMatching(/Seerr refused .*403/)]);
    expect(before.fix).toMatch(/Plex sign-in/);
  });

  it("runs through the product's wiring engine: plan, apply with progress, links table, a no-op apply, blocked dependents", async () => {
    const plexTv = new PlexTvClient({ clientId, baseUrl: plexTvFake.server.url });
    const start = await startPlexSignIn(plexTv);
    plexTvFake.approve(start.pinId, 'admin-plex-token');
    await waitForPlexToken(plexTv, vault, start.pinId, { pollMs: 10 });
    const { steps, links } = fullWiring();

    const plan = await planWiring(steps);
    expect([plan.failed, plan.pending > 0]).toEqual([0, true]);
    const events: string[] = [];
    const applied = await applyWiring(steps, { progress: (p) => events.push(p.step) });
    expect(applied.steps.filter((s) => s.status !== 'applied').map((s) => `${s.id}:${s.status}`)).toEqual([]);
    expect(applied.ok).toBe(true);
    expect(new Set(events)).toEqual(new Set(steps.map((s) => s.id)));
    expect((await runLinkTests(links)).ok).toBe(true);

    clearCalls();
    const again = await applyWiring(steps);
    expect(again.steps.every((s) => s.status === 'unchanged')).toBe(true);
    expect(allWrites()).toEqual([]);

    // Radarr goes down: its steps fail, Prowlarr's Radarr application and Seerr's Radarr are blocked, not half-written.
    arr.fakes.radarr.state.rootfolder = [];
    arr.fakes.radarr.server.fault = { kind: 'status', status: 500 };
    const broken = await applyWiring(steps);
    const status = Object.fromEntries(broken.steps.map((s) => [s.id, s.status]));
    expect([
      status['radarr.root-folder'],
      status['prowlarr.application.radarr'],
      status['seerr.radarr'],
      status['seerr.initialize'],
      status['sonarr.root-folder'],
    ]).toEqual(['failed', 'blocked', 'blocked', 'blocked', 'unchanged']);
    expect(broken.steps.find((s) => s.id === 'radarr.root-folder')!.error!.fix).toMatch(/logs/);
  });
});
