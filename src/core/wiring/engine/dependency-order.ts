// Orders wiring steps so each runs after the steps it depends on; rejects duplicates, unknown ids and cycles before anything runs.
import { UpsFailure } from '../../contract';
import type { WiringStep } from '../wiring-types';

/** Stable topological order: among ready steps, the caller's order wins, so plans read the same every time. */
export function dependencyOrder(steps: WiringStep[]): WiringStep[] {
  const byId = new Map<string, WiringStep>();
  for (const s of steps) {
    if (byId.has(s.id)) throw bug(`two wiring steps share the id ${s.id}`);
    byId.set(s.id, s);
  }
  for (const s of steps) {
    for (const d of s.dependsOn) if (!byId.has(d)) throw bug(`step ${s.id} depends on unknown step ${d}`);
  }
  const done = new Set<string>();
  const out: WiringStep[] = [];
  while (out.length < steps.length) {
    const next = steps.find((s) => !done.has(s.id) && s.dependsOn.every((d) => done.has(d)));
    if (!next) {
      const stuck = steps.filter((s) => !done.has(s.id)).map((s) => s.id);
      throw bug(`wiring steps depend on each other in a cycle: ${stuck.join(', ')}`);
    }
    done.add(next.id);
    out.push(next);
  }
  return out;
}

function bug(message: string): UpsFailure {
  return new UpsFailure({
    code: 'INTERNAL',
    message: `Invalid wiring: ${message}.`,
    fix: 'This is a bug in the wiring definition; report it. Nothing was changed.',
  });
}
