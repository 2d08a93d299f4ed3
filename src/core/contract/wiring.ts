// Contract for service wiring: the plan (what would change and why), the apply report, and the link-test table.
import * as z from 'zod';
import { FixActionSchema } from './fix-action';
import { OperationInputSchema } from './operation';

export const ChangeActionSchema = z.enum(['create', 'update', 'delete', 'nothing']);

export const PlannedChangeSchema = z.object({
  service: z.string(),
  resource: z.string(),
  action: ChangeActionSchema,
  reason: z.string(),
  /**
   * Hand drift against arr.yml: each value the service holds now, with its path in the file, so a screen can offer
   * "keep the service's value in the file" (arrConfig.adopt) instead of overwriting it.
   */
  keep: z
    .array(
      z.object({
        path: z.array(z.string()),
        value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
      }),
    )
    .optional(),
});

/** wiring.apply: deletions (arr.yml sections with `prune: true`) are written only when the caller confirms them. */
export const WiringApplyInputSchema = OperationInputSchema.extend({ confirmDeletes: z.boolean().optional() }).strict();

/** A step that could not be read or written: what happened and what the user can do. */
export const WiringStepErrorSchema = z.object({
  message: z.string(),
  fix: z.string(),
  action: FixActionSchema.optional(),
});

export const PlannedStepSchema = z.object({
  id: z.string(),
  service: z.string(),
  dependsOn: z.array(z.string()),
  changes: z.array(PlannedChangeSchema),
  error: WiringStepErrorSchema.optional(),
});

export const WiringPlanSchema = z.object({
  steps: z.array(PlannedStepSchema),
  /** Number of create/update/delete changes across all steps: 0 means apply would write nothing. */
  pending: z.number().int().nonnegative(),
  /** Steps whose current state could not be read. */
  failed: z.number().int().nonnegative(),
});
export type WiringPlan = z.infer<typeof WiringPlanSchema>;

/**
 * `unchanged`: plan found nothing to do; `applied`: changes written; `failed`: read or write failed;
 * `blocked`: not attempted because a step it depends on failed or was blocked.
 */
export const AppliedStepSchema = PlannedStepSchema.extend({
  status: z.enum(['unchanged', 'applied', 'failed', 'blocked']),
});

export const WiringApplyResultSchema = z.object({
  operationId: z.string(),
  steps: z.array(AppliedStepSchema),
  ok: z.boolean(),
});
export type WiringApplyResult = z.infer<typeof WiringApplyResultSchema>;

export const LinkTestResultSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  fix: z.string().optional(),
  action: FixActionSchema.optional(),
});

export const LinksTableSchema = z.object({
  links: z.array(LinkTestResultSchema),
  ok: z.boolean(),
});
export type LinksTable = z.infer<typeof LinksTableSchema>;

/** One link between two apps as a screen lists it: its name, whether it works, why not, and what the user can do. */
export const LinkRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(['ok', 'failed']),
  why: z.string(),
  fix: z.string().optional(),
  action: FixActionSchema.optional(),
});
export type LinkRow = z.infer<typeof LinkRowSchema>;

/** A wiring step that did not complete during a connect run (failed, or blocked by one that failed). */
export const WiringProblemSchema = z.object({
  step: z.string(),
  service: z.string(),
  why: z.string(),
  fix: z.string(),
  action: FixActionSchema.optional(),
});

/**
 * plan → apply → test every link as one run (install goes on with it once the stack is healthy). A failure here never
 * undoes the install: it is listed, and re-applying repairs it.
 */
export const StackWiringResultSchema = z.object({
  operationId: z.string(),
  /** Every step applied and every link works. */
  ok: z.boolean(),
  /** Changes the plan found before applying: 0 on a stack already wired, so running install again writes nothing. */
  planned: z.number().int().nonnegative(),
  /** Changes written by this run. */
  applied: z.number().int().nonnegative(),
  problems: z.array(WiringProblemSchema),
  links: z.array(LinkRowSchema),
});
export type StackWiringResult = z.infer<typeof StackWiringResultSchema>;

/** How the link table names each end: the service's own spelling; `ups`/`app` are this app itself. */
const endNames: Record<string, string> = {
  ups: 'This app',
  app: 'This app',
  qbittorrent: 'qBittorrent',
  nzbget: 'NZBGet',
  proxy: 'Nginx Proxy Manager',
};
const endName = (end: string) => endNames[end] ?? end.charAt(0).toUpperCase() + end.slice(1);

/** A link test's result as a row of the link table (the install result, the Done screen, the dashboard). */
export function linkRowOf(r: z.infer<typeof LinkTestResultSchema>): LinkRow {
  return {
    id: r.id,
    name: `${endName(r.from)} → ${endName(r.to)}`,
    state: r.ok ? 'ok' : 'failed',
    why: r.detail,
    ...(r.ok || r.fix === undefined ? {} : { fix: r.fix }),
    ...(r.ok || r.action === undefined ? {} : { action: r.action }),
  };
}

/** The steps of an apply that did not complete (failed, or blocked by one that failed), with why and the fix. */
export function problemsOf(applied: WiringApplyResult): z.infer<typeof WiringProblemSchema>[] {
  return applied.steps
    .filter((s) => s.status === 'failed' || s.status === 'blocked')
    .map((s) => ({
      step: s.id,
      service: s.service,
      why: s.error?.message ?? 'The step did not complete.',
      fix: s.error?.fix ?? 'Check that the app is running, then press Retry.',
      ...(s.error?.action ? { action: s.error.action } : {}),
    }));
}
export type WiringProblem = z.infer<typeof WiringProblemSchema>;
