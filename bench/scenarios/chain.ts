// Chain check metrics: wall time of a whole chain.check walk on the loopback test stack (tests/fakes/chain-harness.ts:
// Arr/Seerr fakes, a real download between two qbittorrent-nox, Radarr's import as a real hardlink, the Plex library
// fake's partial scan),
// and of a walk that stops at the first hop (no indexer): what a broken stack costs to diagnose.
import { runChain } from '../../src/core/wiring/chain/chain-run';
import { startChainStack } from '../../tests/fakes/chain-harness';
import { median, round, type Metric } from '../metric';

const RUNS = 3;

export async function chainScenario(): Promise<Metric[]> {
  const stack = await startChainStack();
  try {
    const whole: number[] = [];
    const hopTimes = new Map<string, number[]>();
    for (let i = 0; i < RUNS; i++) {
      const { chain } = await stack.chainFor();
      const t0 = performance.now();
      const r = await runChain(chain);
      whole.push(performance.now() - t0);
      if (!r.ok) throw new Error(`chain broke at ${r.hops.at(-1)?.hop}: ${r.hops.at(-1)?.detail}`);
      for (const h of r.hops) hopTimes.set(h.hop, [...(hopTimes.get(h.hop) ?? []), h.durationMs]);
    }
    const kept = stack.indexers.prowlarr;
    stack.indexers.prowlarr = [];
    const stopped: number[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const { chain } = await stack.chainFor();
        const t0 = performance.now();
        await runChain(chain);
        stopped.push(performance.now() - t0);
      }
    } finally {
      stack.indexers.prowlarr = kept;
    }
    return [
      {
        name: 'chain.check.whole_ms',
        value: round(median(whole)),
        unit: 'ms',
        note: `median of ${RUNS}; includes a 1 MiB BitTorrent download on loopback, Radarr's (fake) import as a hardlink and two partial scans`,
      },
      ...[...hopTimes].map(([hop, xs]) => ({
        name: `chain.check.hop.${hop}_ms`,
        value: round(median(xs)),
        unit: 'ms',
      })),
      { name: 'chain.check.stops_at_indexer_ms', value: round(median(stopped)), unit: 'ms', note: `median of ${RUNS}` },
    ];
  } finally {
    await stack.stop();
  }
}
