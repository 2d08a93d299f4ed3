// secrets.*: which vault entries are set (never their values), and the inputs to set or delete one (docs/decisions.md D4).
import * as z from 'zod';
import { SecretNameSchema } from './secret-names';

export { SecretNameSchema, secretLabels, secretNames, envVarFor, type SecretName } from './secret-names';

/** Stored values: no line breaks or NUL (they travel as environment variables) and at least 3 characters, because
 *  the logger redacts every stored value wherever it appears and a 1–2 character value would shred every log line. */
export const SecretValueSchema = z
  .string()
  .min(3, 'a secret must be at least 3 characters long')
  .max(8192, 'a secret must be at most 8192 characters long')
  .refine((v) => !/[\r\n\0]/.test(v), 'a secret must not contain line breaks or NUL characters');

export const SecretEntrySchema = z.object({
  name: SecretNameSchema,
  label: z.string(),
  envVar: z.string(),
  set: z.boolean(),
});
export type SecretEntry = z.infer<typeof SecretEntrySchema>;

export const SecretsStatusSchema = z.object({
  backend: z.string(),
  entries: z.array(SecretEntrySchema),
});
export type SecretsStatus = z.infer<typeof SecretsStatusSchema>;

export const SecretSetInputSchema = z.object({ name: SecretNameSchema, value: SecretValueSchema }).strict();
export const SecretDeleteInputSchema = z.object({ name: SecretNameSchema }).strict();
export const SecretDeleteResultSchema = z.object({ name: SecretNameSchema, deleted: z.boolean() });
