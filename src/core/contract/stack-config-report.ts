// stack.config.show / stack.config.secrets: the effective config and the secrets a config needs, as set/unset only.
import * as z from 'zod';
import { SecretNameSchema } from './secret-names';
import { StackConfigSchema } from './stack-config';

/** One secret a config needs: entered by the user (VPN credentials) or generated per install; never its value. */
export const ConfigSecretSchema = z.object({
  name: SecretNameSchema,
  envVar: z.string(),
  origin: z.enum(['user', 'generated']),
  set: z.boolean(),
});
export type ConfigSecret = z.infer<typeof ConfigSecretSchema>;

export const StackConfigSecretsInputSchema = z.object({ config: z.unknown() }).strict();
export const StackConfigSecretsSchema = z.object({ secrets: z.array(ConfigSecretSchema) });
export type StackConfigSecrets = z.infer<typeof StackConfigSecretsSchema>;

export const StackConfigReportSchema = z.object({
  installRoot: z.string(),
  config: StackConfigSchema,
  secrets: z.array(ConfigSecretSchema),
});
export type StackConfigReport = z.infer<typeof StackConfigReportSchema>;
