// Long calls take a caller-made operation id, so the caller can tell its own progress pushes from everyone else's.
import * as z from 'zod';

/**
 * A caller-made id for one long call (install, lifecycle verbs, update, migration copy, wiring): the core tags that
 * call's progress pushes with it, so a screen follows its own operation. Short and plain so it is safe in logs.
 */
export const OperationIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'an operation id is 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit',
  );
/** The input of a long call that takes nothing else. Without an id the core makes one, as before. */
export const OperationInputSchema = z.object({ operationId: OperationIdSchema.optional() }).strict();
