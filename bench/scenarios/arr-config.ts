// arr.yml metrics: apply of the default file (as the install writes it) against the spec-validating fakes, first and
// no-change (goal: reads only), wall time and HTTP calls of each. Fresh fakes per run; the base wiring's steps the
// file's steps depend on (root folders, Plex libraries, Bazarr's Arr links) stand in as no-ops, as in
// tests/integration/arr-config-wiring.test.ts.
import { StackConfigSchema } from '../../src/core/contract';
import { defaultArrConfig } from '../../src/core/install/arr-config-file';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { applyWiring } from '../../src/core/wiring/engine/apply-wiring';
import type { WiringStep } from '../../src/core/wiring/wiring-types';
import { startArrFake } from '../../tests/fakes/arr-fake';
import { arrConfigStepsOnFakes } from '../../tests/fakes/arr-config-on-fakes';
import type { FakeNetwork } from '../../tests/fakes/arr-fake-checks';
import { startBazarrFake } from '../../tests/fakes/bazarr-fake';
import { startPlexLibraryFake } from '../../tests/fakes/plex-library-fake';
import { median, round, type Metric } from '../metric';

const RUNS = 3;
const PLEX_TOKEN = 'bench-plex-token';
const keys = { radarr: 'r'.repeat(32), sonarr: 's'.repeat(32), prowlarr: 'p'.repeat(32) };

interface Run {
  firstMs: number;
  firstCalls: number;
  firstWrites: number;
  noopMs: number;
  noopCalls: number;
  noopWrites: number;
  steps: number;
}

async function oneRun(): Promise<Run> {
  const network: FakeNetwork = {};
  const fakes = {
    radarr: await startArrFake('radarr', keys.radarr, network),
    sonarr: await startArrFake('sonarr', keys.sonarr, network),
    prowlarr: await startArrFake('prowlarr', keys.prowlarr, network),
  };
  const bazarr = await startBazarrFake(network);
  const plex = await startPlexLibraryFake({
    token: PLEX_TOKEN,
    sections: [
      { title: 'Movies', type: 'movie', location: '/data/media/movies' },
      { title: 'TV Shows', type: 'show', location: '/data/media/tv' },
    ],
    resolve: () => '/nonexistent-ups-bench',
  });
  network['plex:32400'] = { url: plex.server.url };
  const servers = [...Object.values(fakes).map((f) => f.server), bazarr.server];
  const count = () => servers.reduce((n, s) => n + s.calls.length, 0);
  const writes = () => servers.reduce((n, s) => n + s.writes().length, 0);
  const clear = () => servers.forEach((s) => s.calls.splice(0));
  try {
    // The root folders the base wiring makes (the file's Plex check compares them with Plex's libraries).
    fakes.radarr.state.rootfolder.push({ id: 900, path: '/data/media/movies', accessible: true });
    fakes.sonarr.state.rootfolder.push({ id: 901, path: '/data/media/tv', accessible: true });
    // The default file exactly as the install writes it for the default selection.
    const config = defaultArrConfig(StackConfigSchema.parse(sampleConfigInput()));
    const build = (): WiringStep[] =>
      arrConfigStepsOnFakes({
        config,
        fakes,
        keys,
        bazarr,
        plex,
        plexToken: PLEX_TOKEN,
        clientId: 'bench',
        secret: async () => null,
      });
    const applyOnce = async () => {
      clear();
      const t0 = performance.now();
      const r = await applyWiring(build(), { progress: () => undefined });
      const ms = performance.now() - t0;
      const failed = r.steps.find((s) => s.status === 'failed' || s.status === 'blocked');
      if (failed) throw new Error(`arr.yml apply: ${failed.id} ${failed.status}: ${failed.error?.message ?? ''}`);
      return { ms, calls: count(), writes: writes(), steps: r.steps.length };
    };
    const first = await applyOnce();
    const noop = await applyOnce();
    const violations = servers.flatMap((s) => s.violations);
    if (violations.length) throw new Error(`spec violations: ${violations.join('; ')}`);
    return {
      firstMs: first.ms,
      firstCalls: first.calls,
      firstWrites: first.writes,
      noopMs: noop.ms,
      noopCalls: noop.calls,
      noopWrites: noop.writes,
      steps: first.steps,
    };
  } finally {
    await Promise.all([...Object.values(fakes).map((f) => f.stop()), bazarr.server.stop(), plex.stop()]);
  }
}

export async function arrConfigScenario(): Promise<Metric[]> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun());
  const m = (f: (r: Run) => number) => median(runs.map(f));
  const note = `median of ${RUNS}; default arr.yml (${runs[0]!.steps} steps incl. stand-ins) against the Arr/Bazarr/Plex fakes; calls = HTTP requests to the Radarr/Sonarr/Prowlarr/Bazarr fakes`;
  return [
    { name: 'arr_config.apply.first_ms', value: round(m((r) => r.firstMs)), unit: 'ms', note },
    { name: 'arr_config.apply.first_calls', value: m((r) => r.firstCalls), unit: 'calls' },
    { name: 'arr_config.apply.first_writes', value: m((r) => r.firstWrites), unit: 'calls' },
    { name: 'arr_config.apply.noop_ms', value: round(m((r) => r.noopMs)), unit: 'ms', note },
    { name: 'arr_config.apply.noop_calls', value: m((r) => r.noopCalls), unit: 'calls' },
    {
      name: 'arr_config.apply.noop_writes',
      value: m((r) => r.noopWrites),
      unit: 'calls',
      goal: '0 (a no-change apply reads only)',
    },
  ];
}
