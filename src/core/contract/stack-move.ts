// Contract of "Move the stack to another engine" (stack.move.*): the target engine, its check, and the move's state,
// which a run, a resume after a crash and the final confirmed removal of the old stack all answer with.
import * as z from 'zod';
import { OperationIdSchema } from './operation';

/** The engine to move to, chosen as the Docker CLI would: a Docker context by name, or an engine URL (+ TLS). */
export const EngineTargetSchema = z
  .object({
    context: z.string().min(1, 'give the name of a Docker context (see `docker context ls`)').optional(),
    host: z
      .string()
      .regex(
        /^(unix|npipe|tcp|ssh):\/\/\S+$/,
        'an engine URL starts with unix://, npipe://, tcp:// or ssh://, e.g. tcp://nas.local:2376',
      )
      .optional(),
    /** For a tcp:// host: verify the engine's certificate (ca.pem, cert.pem and key.pem in certPath). */
    tlsVerify: z.boolean().optional(),
    certPath: z.string().min(1).optional(),
  })
  .strict()
  .refine((t) => Boolean(t.context) !== Boolean(t.host), {
    message: 'give either a Docker context or an engine URL (tcp://…, ssh://…), not both and not neither',
    path: ['host'],
  });
export type EngineTarget = z.infer<typeof EngineTargetSchema>;

export const StackMoveCheckInputSchema = z
  .object({
    target: EngineTargetSchema,
    /** The media folder as the target's host sees it (e.g. /volume1/data); the current one when absent. */
    dataRoot: z.string().min(1, 'give the media folder as the target sees it, e.g. /volume1/data').optional(),
  })
  .strict();
export type StackMoveCheckInput = z.infer<typeof StackMoveCheckInputSchema>;

export const StackMoveRunInputSchema = z
  .object({
    target: EngineTargetSchema,
    dataRoot: z.string().min(1).optional(),
    operationId: OperationIdSchema.optional(),
  })
  .strict();
export type StackMoveRunInput = z.infer<typeof StackMoveRunInputSchema>;

export const StackMoveRemoveInputSchema = z
  .object({
    /** The old stack's containers and copied volumes are deleted: the caller must say so. */
    confirm: z.literal(true, { message: 'removing the old stack needs confirm: true' }),
    operationId: OperationIdSchema.optional(),
  })
  .strict();

const ProblemSchema = z.object({ message: z.string(), fix: z.string() });

export const StackMoveCheckSchema = z.object({
  ok: z.boolean(),
  engine: z.object({
    label: z.string(),
    apiVersion: z.string(),
    os: z.string(),
    arch: z.string(),
    serviceHost: z.string(),
  }),
  /** Free space where the target keeps its volumes (null when it could not be measured). */
  freeBytes: z.number().nonnegative().nullable(),
  neededBytes: z.number().nonnegative(),
  volumes: z.array(z.object({ name: z.string(), service: z.string(), bytes: z.number().nonnegative() })),
  images: z.array(
    z.object({
      service: z.string(),
      image: z.string(),
      arch: z.string().nullable(),
      ok: z.boolean(),
      detail: z.string(),
    }),
  ),
  problems: z.array(ProblemSchema),
});
export type StackMoveCheck = z.infer<typeof StackMoveCheckSchema>;

export const StackMovePhaseSchema = z.enum([
  'none',
  'stopping-source',
  'copying',
  'writing-compose',
  'starting-target',
  'wiring',
  /** On the target, healthy and wired; the old stack is stopped and waits for the confirmed removal. */
  'ready',
  /** A failure before `ready`: the source runs again as before, the compose files are the previous ones. */
  'rolled-back',
  'removed',
]);
export type StackMovePhase = z.infer<typeof StackMovePhaseSchema>;

export const StackMoveStatusSchema = z.object({
  phase: StackMovePhaseSchema,
  id: z.string().nullable(),
  target: z.string().nullable(),
  dataRoot: z.string().nullable(),
  volumes: z.array(
    z.object({ name: z.string(), bytes: z.number().nonnegative(), copied: z.boolean(), files: z.number().int() }),
  ),
  /** True when the recorded move was interrupted (its process died): resume continues it. */
  interrupted: z.boolean(),
  lastError: ProblemSchema.nullable(),
  links: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
});
export type StackMoveStatus = z.infer<typeof StackMoveStatusSchema>;
