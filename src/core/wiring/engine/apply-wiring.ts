// apply: in dependency order, re-plan each step just before writing it and apply only its pending changes.
import { randomUUID } from 'node:crypto';
import type { ProgressEvent } from '../../contract';
import type { WiringApplyResult } from '../../contract/wiring';
import type { WiringStep } from '../wiring-types';
import { dependencyOrder } from './dependency-order';
import { pendingOf, planStep, stepError } from './plan-wiring';
import { fixAction } from '../../contract/fix-action';

export type AppliedStep = WiringApplyResult['steps'][number];

export interface ApplyOptions {
  operationId?: string;
  progress?: (p: ProgressEvent) => void;
  /** Deletions (arr.yml sections with `prune: true`) are written only when the caller confirmed them. */
  confirmDeletes?: boolean;
}

/**
 * Each step is planned right before it is applied (not all up front), because a step may depend on what an earlier
 * one wrote (e.g. the qBittorrent password the Arr download client uses). A step with nothing pending is never
 * asked to write, so a second apply performs reads only. A failed step blocks every step that depends on it,
 * directly or not; independent steps still run.
 */
export async function applyWiring(steps: WiringStep[], opts: ApplyOptions = {}): Promise<WiringApplyResult> {
  const operationId = opts.operationId ?? randomUUID();
  const ordered = dependencyOrder(steps);
  const total = ordered.length;
  const emit = (step: string, current: number, message: string) =>
    opts.progress?.({ operationId, step, current, total, message });
  const results: AppliedStep[] = [];
  const broken = new Set<string>();

  for (const [index, step] of ordered.entries()) {
    const base = { id: step.id, service: step.service, dependsOn: [...step.dependsOn] };
    const brokenDep = step.dependsOn.find((d) => broken.has(d));
    if (brokenDep) {
      broken.add(step.id);
      results.push({
        ...base,
        changes: [],
        status: 'blocked',
        error: {
          message: `Not attempted: ${brokenDep} did not complete.`,
          fix: `Fix ${brokenDep} first (see its error), then repair the links again.`,
          action: fixAction('wiring.apply'),
        },
      });
      emit(step.id, index + 1, `${step.id}: skipped, ${brokenDep} failed`);
      continue;
    }
    emit(step.id, index, `${step.id}: reading current state`);
    const planned = await planStep(step);
    if (planned.error) {
      broken.add(step.id);
      results.push({ ...planned, status: 'failed' });
      emit(step.id, index + 1, `${step.id}: failed: ${planned.error.message}`);
      continue;
    }
    const pending = pendingOf(planned.changes);
    if (pending.length === 0) {
      results.push({ ...planned, status: 'unchanged' });
      emit(step.id, index + 1, `${step.id}: up to date`);
      continue;
    }
    const deletes = pending.filter((c) => c.action === 'delete');
    if (deletes.length > 0 && !opts.confirmDeletes) {
      // Nothing is removed on a plain apply: the plan listed the deletions, the user confirms them explicitly.
      results.push({
        ...planned,
        status: 'failed',
        error: {
          message: `${deletes.length} deletion(s) not confirmed: ${deletes.map((c) => c.resource).join(', ')}.`,
          fix: 'Review the plan, then apply again confirming the deletions (or set prune: false in arr.yml to keep them).',
        },
      });
      broken.add(step.id);
      emit(step.id, index + 1, `${step.id}: deletions need confirmation`);
      continue;
    }
    try {
      await step.apply(planned.changes, (p) =>
        opts.progress?.({ ...p, operationId, step: step.id, current: index, total }),
      );
      results.push({ ...planned, status: 'applied' });
      emit(step.id, index + 1, `${step.id}: ${pending.map((c) => `${c.action} ${c.resource}`).join(', ')}`);
    } catch (err) {
      broken.add(step.id);
      results.push({ ...planned, status: 'failed', error: stepError(err) });
      emit(step.id, index + 1, `${step.id}: failed: ${stepError(err).message}`);
    }
  }
  return { operationId, steps: results, ok: broken.size === 0 };
}
