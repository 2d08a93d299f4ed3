// secrets.*: which vault entries are set (never their values), and the inputs to set or delete one (docs/decisions.md D4).
import * as z from 'zod';
import { OperationIdSchema } from './operation';
import { SecretNameSchema } from './secret-names';
import { SecretValueSchema } from './secret-value';
import { WiringApplyResultSchema } from './wiring';

export { SecretNameSchema, secretLabels, secretNames, envVarFor, type SecretName } from './secret-names';

export { SecretValueSchema } from './secret-value';

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

/** `operationId` tags the progress of what a replaced download-client password sets off (client, then the apps). */
export const SecretSetInputSchema = z
  .object({ name: SecretNameSchema, value: SecretValueSchema, operationId: OperationIdSchema.optional() })
  .strict();

/**
 * What storing a secret set off. Only a replaced qBittorrent/NZBGet password on an installed stack is propagated:
 * `client` says whether the client had to change (`changed`) or already used the new password (`already`), and
 * `apps` is the wiring re-applied so every app that signs in to it carries the new one.
 */
export const SecretSetResultSchema = z.object({
  name: SecretNameSchema,
  propagated: z
    .object({ client: z.enum(['changed', 'already']), apps: WiringApplyResultSchema })
    .strict()
    .optional(),
});
export type SecretSetResult = z.infer<typeof SecretSetResultSchema>;
export const SecretDeleteInputSchema = z.object({ name: SecretNameSchema }).strict();
export const SecretDeleteResultSchema = z.object({ name: SecretNameSchema, deleted: z.boolean() });
