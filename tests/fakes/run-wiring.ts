// Test-side adapter over the product wiring engine (src/core/wiring/engine): flat plans and a compact apply outcome,
// so the suites read simply while every plan/apply goes through the real ordering, re-planning and blocking rules.
import type { FixAction, ProgressEvent } from '../../src/core/contract';
import type { WiringApplyResult } from '../../src/core/contract/wiring';
import { applyWiring } from '../../src/core/wiring/engine/apply-wiring';
import { planWiring } from '../../src/core/wiring/engine/plan-wiring';
import type { PlannedChange, WiringStep } from '../../src/core/wiring/wiring-types';

/** Every change of every step, in apply order; a step that could not be read fails the call with its message. */
export async function planAll(steps: WiringStep[]): Promise<PlannedChange[]> {
  const plan = await planWiring(steps);
  const failed = plan.steps.find((s) => s.error);
  if (failed) throw new Error(`${failed.id}: ${failed.error!.message}`);
  return plan.steps.flatMap((s) => s.changes);
}

export interface ApplyOutcome {
  /** Steps that ended applied or unchanged. */
  applied: string[];
  /** The first step that failed (in apply order), with the engine's message and fix. */
  failed?: { id: string; error: Error & { fix?: string; action?: FixAction } };
  blocked: string[];
  events: ProgressEvent[];
  result: WiringApplyResult;
}

export async function applyAll(steps: WiringStep[]): Promise<ApplyOutcome> {
  const events: ProgressEvent[] = [];
  const result = await applyWiring(steps, { progress: (e) => events.push(e) });
  const first = result.steps.find((s) => s.status === 'failed');
  return {
    applied: result.steps.filter((s) => s.status === 'applied' || s.status === 'unchanged').map((s) => s.id),
    failed: first
      ? {
          id: first.id,
          error: Object.assign(new Error(first.error?.message ?? 'failed'), {
            fix: first.error?.fix,
            action: first.error?.action,
          }),
        }
      : undefined,
    blocked: result.steps.filter((s) => s.status === 'blocked').map((s) => s.id),
    events,
    result,
  };
}
