// Progress and push events (docs/decisions.md D13): long work reports through these, every door renders them.
import * as z from 'zod';
import { AppUpdateStateSchema } from './app-update';
import { StackStatusSchema } from './stack-status';

export const ProgressEventSchema = z.object({
  operationId: z.string(),
  step: z.string(),
  current: z.number().nonnegative(),
  total: z.number().nonnegative(),
  message: z.string(),
  /**
   * Byte counts when the step moves data (image pulls, copies): `done` of `total` bytes so far, summed over the
   * step. Absent when the source reports no sizes (Compose v1 prints none); the UI then shows `current`/`total`.
   */
  bytes: z.object({ done: z.number().nonnegative(), total: z.number().nonnegative() }).strict().optional(),
});
export type ProgressEvent = z.infer<typeof ProgressEventSchema>;

export const PushEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: ProgressEventSchema }),
  z.object({ type: z.literal('stack.status'), status: StackStatusSchema }),
  // The desktop app's own update, so the dashboard can offer it as the tray does.
  z.object({ type: z.literal('app.update'), update: AppUpdateStateSchema }),
  // A followed service log (stack.logs.follow): one push per line, then one with `ended: true`.
  z.object({
    type: z.literal('log'),
    streamId: z.string(),
    service: z.string(),
    line: z.string().optional(),
    ended: z.boolean().optional(),
  }),
]);
export type PushEvent = z.infer<typeof PushEventSchema>;
export type PushListener = (event: PushEvent) => void;
