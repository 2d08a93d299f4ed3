// Engine calls: lifecycle verbs, logs, VPN check and health-gated updates — inputs, answers and pushes.
import * as z from 'zod';
import { OperationIdSchema } from './operation';
import { UpsErrorSchema } from './envelope';

import { ServiceNameSchema } from './service-name';

export { ServiceNameSchema } from './service-name';

export const ServicesInputSchema = z
  .object({ services: z.array(ServiceNameSchema).max(32).default([]), operationId: OperationIdSchema.optional() })
  .strict();
export type ServicesInput = z.infer<typeof ServicesInputSchema>;

export const LifecycleVerbSchema = z.enum(['up', 'down', 'start', 'stop', 'restart', 'pull']);
export type LifecycleVerb = z.infer<typeof LifecycleVerbSchema>;

export const LifecycleResultSchema = z.object({
  verb: LifecycleVerbSchema,
  services: z.array(z.string()),
  operationId: z.string(),
});
export type LifecycleResult = z.infer<typeof LifecycleResultSchema>;

export const LogsInputSchema = z
  .object({ service: ServiceNameSchema, tail: z.number().int().min(1).max(10_000).default(200) })
  .strict();
export const LogsResultSchema = z.object({ service: z.string(), text: z.string() });
export type LogsResult = z.infer<typeof LogsResultSchema>;
/** `ups logs --follow` and the dashboard's live log viewer: lines arrive as `log` pushes until unfollowed or the service ends. */
export const LogsFollowResultSchema = z.object({ streamId: z.string(), service: z.string() });
export type LogsFollowResult = z.infer<typeof LogsFollowResultSchema>;
export const LogsUnfollowInputSchema = z.object({ streamId: z.string().min(1) }).strict();

/** VPN watch verdict (docs/decisions.md D19): "unknown" whenever any part of the check could not run — never "safe" by default. */
export const VpnVerdictSchema = z.enum(['safe', 'leak', 'tunnel-down', 'unknown']);
export type VpnVerdict = z.infer<typeof VpnVerdictSchema>;

export const VpnCheckSchema = z.object({
  verdict: VpnVerdictSchema,
  reason: z.string(),
  tunnelStatus: z.string().optional(),
  vpnPublicIp: z.string().optional(),
  clientEgressIp: z.string().optional(),
  hostEgressIp: z.string().optional(),
  /** Download clients the watch stopped because of this verdict. */
  stopped: z.array(z.string()),
  checkedAt: z.string(),
  /** The check could not be saved (its record is damaged and is never overwritten): what is wrong and the fix. */
  recordError: UpsErrorSchema.optional(),
});
export type VpnCheck = z.infer<typeof VpnCheckSchema>;

export const UpdateCandidateSchema = z.object({
  service: z.string(),
  image: z.string(),
  currentImageId: z.string(),
  availableImageId: z.string().optional(),
  /** A newer tag from the app's known-versions table: the update moves the service to this image reference. */
  targetImage: z.string().optional(),
  updateAvailable: z.boolean(),
  error: z.string().optional(),
});
export const UpdateCheckSchema = z.object({ services: z.array(UpdateCandidateSchema), checkedAt: z.string() });
export type UpdateCheck = z.infer<typeof UpdateCheckSchema>;

export const LogsUnfollowResultSchema = z.object({ stopped: z.boolean() });

export const UpdateRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(['apply', 'rollback']),
  startedAt: z.string(),
  finishedAt: z.string(),
  outcome: z.enum(['applied', 'rolled-back', 'failed', 'nothing-to-do']),
  /** service → image ID before the update (what a rollback restores). */
  before: z.record(z.string(), z.object({ image: z.string(), imageId: z.string() })),
  after: z.record(z.string(), z.object({ image: z.string(), imageId: z.string() })),
  failed: z.array(z.object({ service: z.string(), reason: z.string() })),
  message: z.string(),
});
export const UpdateHistorySchema = z.array(UpdateRecordSchema);
export type UpdateRecord = z.infer<typeof UpdateRecordSchema>;

export const UpdateApplyInputSchema = z
  .object({
    healthTimeoutSec: z.number().int().min(5).max(3600).default(180),
    operationId: OperationIdSchema.optional(),
  })
  .strict();

export const VpnAlertSchema = z.object({
  verdict: VpnVerdictSchema,
  reason: z.string(),
  stopped: z.array(z.string()),
  at: z.string(),
  /** As VpnCheck.recordError: shown beside the verdict so a damaged record is not a silent loss. */
  recordError: UpsErrorSchema.optional(),
});
export type VpnAlert = z.infer<typeof VpnAlertSchema>;
