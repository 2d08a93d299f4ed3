// Connects an installed stack in one run: plan → apply → test every link, as steps of the caller's progress stream.
import type { ProgressEvent } from '../../contract';
import { linkRowOf, problemsOf, type StackWiringResult } from '../../contract/wiring';
import type { Wiring } from './download-client-wiring';
import { applyWiring } from './apply-wiring';
import { runLinkTests, type LinkTestOptions } from './link-tests';
import { pendingOf, planWiring } from './plan-wiring';

export interface ConnectOptions {
  operationId: string;
  progress?: (p: ProgressEvent) => void;
  links?: LinkTestOptions;
}

/** The progress steps of a connect run, in order; a screen can tell the wiring rows from the install's own. */
export const CONNECT_STEPS = { plan: 'plan', wiring: 'wiring', links: 'links' } as const;

/**
 * Never throws for what a service answers: a step that fails (or is blocked by one that failed) is listed in
 * `problems` with why and the fix, and the link tests still run, so the caller keeps what worked (install is not
 * undone). Plan and apply are idempotent, so a second run on a wired stack writes nothing and a run after drift
 * repairs only what drifted. Apply's per-step progress is folded into one `wiring` row: the step id is the message.
 */
export async function connectStack(wiring: Wiring, opts: ConnectOptions): Promise<StackWiringResult> {
  const { operationId } = opts;
  const emit = (step: string, current: number, total: number, message: string) =>
    opts.progress?.({ operationId, step, current, total, message });

  emit(CONNECT_STEPS.plan, 0, 1, 'Reading what each app is connected to');
  const plan = await planWiring(wiring.steps);
  emit(
    CONNECT_STEPS.plan,
    1,
    1,
    plan.pending ? `${plan.pending} change(s) to make` : 'Every app is already connected as it should be',
  );

  const applied = await applyWiring(wiring.steps, {
    operationId,
    progress: (p) => emit(CONNECT_STEPS.wiring, p.current, p.total, p.message),
  });
  const written = applied.steps
    .filter((s) => s.status === 'applied')
    .reduce((n, s) => n + pendingOf(s.changes).length, 0);
  emit(
    CONNECT_STEPS.wiring,
    1,
    1,
    applied.ok ? `${written} change(s) written` : 'Some connections could not be made: see the list below',
  );

  const total = wiring.links.length;
  emit(CONNECT_STEPS.links, 0, total, `Testing ${total} link(s)`);
  const table = await runLinkTests(wiring.links, opts.links);
  const working = table.links.filter((l) => l.ok).length;
  emit(CONNECT_STEPS.links, total, total, `${working} of ${total} link(s) work`);

  return {
    operationId,
    ok: applied.ok && table.ok,
    planned: plan.pending,
    applied: written,
    problems: problemsOf(applied),
    links: table.links.map(linkRowOf),
  };
}
