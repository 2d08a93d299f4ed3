// Minimal in-order runner for wiring steps, so the Arr half is tested on its own (the product engine lives in
// src/core/wiring/engine and is tested by its owner): dependency order, plan then apply, stop at the first failure.
import type { PlannedChange, WiringStep } from '../../src/core/wiring/wiring-types';
import type { ProgressEvent } from '../../src/core/contract';

export function inDependencyOrder(steps: WiringStep[]): WiringStep[] {
  const done = new Set<string>();
  const out: WiringStep[] = [];
  const visit = (s: WiringStep, path: string[]) => {
    if (done.has(s.id)) return;
    if (path.includes(s.id)) throw new Error(`dependency cycle: ${[...path, s.id].join(' → ')}`);
    for (const dep of s.dependsOn) {
      const d = steps.find((x) => x.id === dep);
      if (!d) throw new Error(`${s.id} depends on unknown step ${dep}`);
      visit(d, [...path, s.id]);
    }
    done.add(s.id);
    out.push(s);
  };
  for (const s of steps) visit(s, []);
  return out;
}

export async function planAll(steps: WiringStep[]): Promise<PlannedChange[]> {
  const out: PlannedChange[] = [];
  for (const s of inDependencyOrder(steps)) out.push(...(await s.plan()));
  return out;
}

export interface ApplyOutcome {
  applied: string[];
  failed?: { id: string; error: unknown };
  events: ProgressEvent[];
}

export async function applyAll(steps: WiringStep[]): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = { applied: [], events: [] };
  for (const s of inDependencyOrder(steps)) {
    try {
      await s.apply(await s.plan(), (e) => outcome.events.push(e));
      outcome.applied.push(s.id);
    } catch (error) {
      outcome.failed = { id: s.id, error };
      return outcome;
    }
  }
  return outcome;
}
