// Contract of the NAS migration: plan, start, status, resume, finish and the progress payload they push.
import * as z from 'zod';
import { FixActionSchema } from './fix-action';
import { OperationInputSchema } from './operation';
import { SmbOptionsSchema } from './stack-config-nas';

/** `everything`: all of /data moves (hardlinks keep working if the share has them); `media-only`: only /data/media moves. */
export const MigrateModeSchema = z.enum(['everything', 'media-only']);
export type MigrateMode = z.infer<typeof MigrateModeSchema>;

export const MigratePlanInputSchema = z
  .object({
    /** Target: a mounted path (Linux, or a Windows drive path) or a Windows UNC path `\\host\share\path`. */
    to: z.string().min(1, 'give the target folder, e.g. /mnt/nas/data or \\\\nas\\media'),
    /** Source data root; defaults to the installed stack's data root. */
    from: z.string().min(1).optional(),
    mediaOnly: z.boolean().optional(),
    /** SMB details for a UNC target (the password itself lives in the vault as `nas.password`). */
    smb: SmbOptionsSchema.optional(),
  })
  .strict();
export type MigratePlanInput = z.input<typeof MigratePlanInputSchema>;

export const HardlinkCheckSchema = z.object({
  supported: z.boolean(),
  detail: z.string(),
});

export const ComposeChangeSchema = z.object({
  service: z.string(),
  containerPath: z.string(),
  from: z.string(),
  to: z.string(),
});

export const MigratePlanSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  mode: MigrateModeSchema,
  source: z.string(),
  /** Where the app copies (the mounted path or UNC path). */
  target: z.string(),
  targetKind: z.enum(['path', 'unc']),
  files: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  /** Bytes still to copy (files already verified on the target are not counted). */
  bytesToCopy: z.number().nonnegative(),
  freeBytes: z.number().nonnegative(),
  marginBytes: z.number().nonnegative(),
  fits: z.boolean(),
  sampleRateBps: z.number().nonnegative(),
  estimatedSeconds: z.number().nonnegative(),
  hardlinks: HardlinkCheckSchema,
  /** Pairs of hardlinked files in the source that will be recreated as hardlinks. */
  hardlinkGroups: z.number().int().nonnegative(),
  /** SMB options for a UNC target (kept so the switch writes the same CIFS volume the plan showed). */
  smb: z.object({ version: z.string(), uid: z.number(), gid: z.number() }).optional(),
  composeSummary: z.string(),
  composeChanges: z.array(ComposeChangeSchema),
  warnings: z.array(z.string()),
});
export type MigratePlan = z.infer<typeof MigratePlanSchema>;

export const MigratePhaseSchema = z.enum([
  'none',
  'planned',
  'copying',
  'interrupted',
  'paused',
  'verified',
  'switched',
  'finished',
  'cancelled',
]);
export type MigratePhase = z.infer<typeof MigratePhaseSchema>;

export const MigrateProgressSchema = z.object({
  bytesDone: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative(),
  filesDone: z.number().int().nonnegative(),
  filesTotal: z.number().int().nonnegative(),
  rateBps: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
  currentFile: z.string().optional(),
});
export type MigrateProgress = z.infer<typeof MigrateProgressSchema>;

/** What the switch compared: the item count each app saw after it, and each check it could not run, with why. */
export const SwitchChecksSchema = z.object({
  counts: z.record(z.string(), z.number()),
  skipped: z.record(z.string(), z.string()),
});
export type SwitchChecks = z.infer<typeof SwitchChecksSchema>;

export const MigrateStatusSchema = z.object({
  phase: MigratePhaseSchema,
  plan: MigratePlanSchema.nullable(),
  progress: MigrateProgressSchema.nullable(),
  /** Files re-copied because the source changed during the copy. */
  recopied: z.array(z.string()),
  lastError: z
    .object({ message: z.string(), fix: z.string().optional(), action: FixActionSchema.optional() })
    .nullable(),
  /** Whether `finish --delete-source` is allowed now. */
  canDeleteSource: z.boolean(),
  sourceDeleted: z.boolean(),
  switchChecks: SwitchChecksSchema.nullable().optional(),
});
export type MigrateStatus = z.infer<typeof MigrateStatusSchema>;

/** migrate.start / migrate.resume: the copy's progress pushes carry the caller's operationId when given. */
export const MigrateStartInputSchema = OperationInputSchema;
export const MigrateFinishInputSchema = z.object({ deleteSource: z.boolean().optional() }).strict();
export type MigrateFinishInput = z.input<typeof MigrateFinishInputSchema>;
