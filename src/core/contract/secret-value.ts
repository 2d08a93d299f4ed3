// What a stored secret value may be: its own file, so the vault checks values without building the secrets calls'
// schemas (and the wiring's, which they reference) on every start (docs/decisions.md D31).
import * as z from 'zod';

/** Stored values: no line breaks or NUL (they travel as environment variables) and at least 3 characters, because
 *  the logger redacts every stored value wherever it appears and a 1–2 character value would shred every log line. */
export const SecretValueSchema = z
  .string()
  .min(3, 'a secret must be at least 3 characters long')
  .max(8192, 'a secret must be at most 8192 characters long')
  .refine((v) => !/[\r\n\0]/.test(v), 'a secret must not contain line breaks or NUL characters');
