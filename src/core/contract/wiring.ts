// Contract for service wiring: the plan (what would change and why), the apply report, and the link-test table.
import * as z from 'zod';
import { FixActionSchema } from './fix-action';

export const ChangeActionSchema = z.enum(['create', 'update', 'delete', 'nothing']);

export const PlannedChangeSchema = z.object({
  service: z.string(),
  resource: z.string(),
  action: ChangeActionSchema,
  reason: z.string(),
});

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
