// Wiring metrics, Arr side: full first `apply` of Radarr/Sonarr/Prowlarr/Bazarr/Plex/Seerr against the
// spec-validating and recorded fakes, the HTTP calls of a no-change apply (goal: reads only), and the link tests.
import { PlexTvClient } from '../../src/core/plex/plex-tv-client';
import { startPlexSignIn, waitForPlexToken } from '../../src/core/plex/plex-signin';
import { BazarrClient } from '../../src/core/wiring/clients/bazarr';
import type { HttpCall } from '../../src/core/http/http-json';
import { PlexServerClient } from '../../src/core/plex/plex-server-client';
import { SeerrClient } from '../../src/core/wiring/clients/seerr';
import { bazarrWiring } from '../../src/core/wiring/steps/bazarr-steps';
import { plexWiring } from '../../src/core/wiring/steps/plex-steps';
import { arrWiring } from '../../src/core/wiring/steps/prowlarr-wiring';
import { seerrWiring } from '../../src/core/wiring/steps/seerr-steps';
import type { SecretName } from '../../src/core/contract/secret-names';
import { arrKeys, startArrStack } from '../../tests/fakes/arr-harness';
import { startBazarrFake } from '../../tests/fakes/bazarr-fake';
import { startPlexFake, startPlexTvFake } from '../../tests/fakes/plex-fakes';
import { applyAll } from '../../tests/fakes/run-wiring';
import { startSeerrFake } from '../../tests/fakes/seerr-fake';
import { median, round, type Metric } from '../metric';

const RUNS = 5;

async function oneRun(): Promise<{ applyMs: number; noopCalls: HttpCall[]; linksMs: number; linksOk: boolean }> {
  const arr = await startArrStack();
  const plexTvFake = await startPlexTvFake();
  const plexFake = await startPlexFake(plexTvFake);
  arr.network['plex:32400'] = { url: plexFake.server.url };
  const seerrFake = await startSeerrFake(arr.network);
  const bazarrFake = await startBazarrFake(arr.network);
  // An in-memory vault: the bench measures the wiring, not the keyring.
  const secrets = new Map<SecretName, string>();
  const vault = {
    get: async (n: SecretName) => secrets.get(n) ?? null,
    set: async (n: SecretName, v: string) => void secrets.set(n, v),
  };
  let calls: HttpCall[] = [];
  const onCall = (c: HttpCall) => void calls.push(c);
  try {
    const clientId = 'ups-bench';
    const plexTv = new PlexTvClient({ clientId, baseUrl: plexTvFake.server.url, onCall });
    const pin = await startPlexSignIn(plexTv);
    plexTvFake.approve(pin.pinId, 'bench-plex-token');
    await waitForPlexToken(plexTv, vault, pin.pinId, { pollMs: 10 });
    const plex = new PlexServerClient({
      url: plexFake.server.url,
      token: () => vault.get('plex.token'),
      clientId,
      onCall,
    });
    const seerr = new SeerrClient({ url: seerrFake.url, apiKey: () => vault.get('seerr.api_key'), onCall });
    const target = (app: 'radarr' | 'sonarr', port: number, directory: string) => ({
      hostname: app,
      port,
      apiKey: arrKeys[app],
      directory,
      profileName: 'HD-1080p',
    });
    const parts = [
      arrWiring(arr.input(), { onCall }),
      plexWiring({ server: plex, plexTv, vault }),
      seerrWiring({
        seerr,
        plex,
        vault,
        plexHost: { ip: 'plex', port: 32400 },
        libraryLocations: ['/data/media/movies', '/data/media/tv'],
        radarr: target('radarr', 7878, '/data/media/movies'),
        sonarr: target('sonarr', 8989, '/data/media/tv'),
      }),
      bazarrWiring({
        bazarr: new BazarrClient({ url: bazarrFake.server.url, apiKey: async () => bazarrFake.apiKey, onCall }),
        sonarr: { ip: 'sonarr', port: 8989, apiKey: arrKeys.sonarr },
        radarr: { ip: 'radarr', port: 7878, apiKey: arrKeys.radarr },
      }),
    ];
    const steps = parts.flatMap((p) => p.steps);
    const links = parts.flatMap((p) => p.links);

    let t0 = performance.now();
    const first = await applyAll(steps);
    const applyMs = performance.now() - t0;
    if (first.failed) throw new Error(`apply failed at ${first.failed.id}: ${String(first.failed.error)}`);

    calls = [];
    const second = await applyAll(steps);
    if (second.failed) throw new Error(`no-change apply failed at ${second.failed.id}`);
    const noopCalls = calls;
    calls = []; // link tests below are not part of the no-change apply

    t0 = performance.now();
    const results = await Promise.all(links.map((l) => l.run()));
    const linksMs = performance.now() - t0;
    return { applyMs, noopCalls, linksMs, linksOk: results.every((r) => r.ok) };
  } finally {
    await Promise.all([
      arr.stop(),
      plexTvFake.server.stop(),
      plexFake.server.stop(),
      seerrFake.stop(),
      bazarrFake.server.stop(),
    ]);
  }
}

export async function wiringArrScenario(): Promise<Metric[]> {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun());
  const last = runs.at(-1)!;
  const writes = last.noopCalls.filter((c) => c.write).length;
  return [
    {
      name: 'wiring.arr.apply.first',
      value: round(median(runs.map((r) => r.applyMs))),
      unit: 'ms',
      note: `median of ${RUNS}; Radarr, Sonarr, Prowlarr, Bazarr, Plex, Seerr fakes on loopback`,
    },
    {
      name: 'wiring.arr.apply.noop.calls',
      value: last.noopCalls.length,
      unit: 'http calls',
      note: 'every request of a second apply with nothing to change',
    },
    { name: 'wiring.arr.apply.noop.writes', value: writes, unit: 'http calls', goal: '0 (reads only)' },
    {
      name: 'wiring.arr.links',
      value: round(median(runs.map((r) => r.linksMs))),
      unit: 'ms',
      note: `${last.linksOk ? 'all green' : 'SOME RED'}; all link tests in parallel, median of ${RUNS}`,
    },
  ];
}
