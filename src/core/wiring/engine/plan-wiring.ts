// plan: reads every service's current state (GET only, through each step's plan) and lists each change with its reason.
import { UpsFailure } from '../../contract';
import type { WiringPlan } from '../../contract/wiring';
import { fixAction } from '../../contract/fix-action';

type WiringStepError = NonNullable<WiringPlan['steps'][number]['error']>;
import type { PlannedChange, WiringStep } from '../wiring-types';
import { dependencyOrder } from './dependency-order';

export type PlannedStep = WiringPlan['steps'][number];

/** What to show when a step throws: UpsFailure (and HttpFailure) already carry message + fix. */
export function stepError(err: unknown): WiringStepError {
  if (err instanceof UpsFailure)
    return {
      message: err.error.message,
      fix: err.error.fix ?? 'Check the service, then try again.',
      ...(err.error.action ? { action: err.error.action } : {}),
    };
  return {
    message: err instanceof Error ? err.message : String(err),
    fix: 'Check that the service is running (start the stack if it is stopped), then try again.',
    action: fixAction('stack.up'),
  };
}

export const pendingOf = (changes: PlannedChange[]): PlannedChange[] => changes.filter((c) => c.action !== 'nothing');

/** Plans one step; a failure becomes part of the result so one unreachable service does not hide the others. */
export async function planStep(step: WiringStep): Promise<PlannedStep> {
  const base = { id: step.id, service: step.service, dependsOn: [...step.dependsOn] };
  try {
    return { ...base, changes: await step.plan() };
  } catch (err) {
    return { ...base, changes: [], error: stepError(err) };
  }
}

export async function planWiring(steps: WiringStep[]): Promise<WiringPlan> {
  const planned: PlannedStep[] = [];
  // Sequential on purpose: steps of one service share a session (qBittorrent login), and the order is the apply order.
  for (const step of dependencyOrder(steps)) planned.push(await planStep(step));
  return {
    steps: planned,
    pending: planned.reduce((n, s) => n + pendingOf(s.changes).length, 0),
    failed: planned.filter((s) => s.error).length,
  };
}
