// zod shapes of the Radarr/Sonarr (/api/v3) and Prowlarr (/api/v1) resources the wiring reads (electron-free).
// Loose objects: a resource read from the service is sent back on PUT as-is, so unknown keys must survive.
import * as z from 'zod';

/** Arr masks stored secrets (privacy password/apiKey) as this string; sending it back on PUT keeps the stored value. */
export const MASKED_SECRET = '********';

export const ArrFieldSchema = z.looseObject({
  name: z.string().nullable().optional(),
  value: z.unknown().optional(),
  privacy: z.string().optional(),
});
export type ArrField = z.infer<typeof ArrFieldSchema>;

/** Download clients, Prowlarr applications, indexers… share this provider shape. */
export const ProviderSchema = z.looseObject({
  id: z.number().int().optional(),
  name: z.string().nullable().optional(),
  implementation: z.string().nullable().optional(),
  configContract: z.string().nullable().optional(),
  fields: z.array(ArrFieldSchema).nullable().optional(),
  enable: z.boolean().optional(),
  syncLevel: z.string().optional(),
});
export type Provider = z.infer<typeof ProviderSchema>;
export const ProviderListSchema = z.array(ProviderSchema);

/** A tag (`/api/v1/tag`, `/api/v3/tag`): Prowlarr matches indexer proxies to indexers by shared tag ids. */
export const TagSchema = z.looseObject({ id: z.number().int(), label: z.string().nullable().optional() });
export type Tag = z.infer<typeof TagSchema>;
export const TagListSchema = z.array(TagSchema);

/** One failed check from a provider test or save (HTTP 400 body). */
export const ValidationFailureSchema = z.looseObject({
  propertyName: z.string().nullable().optional(),
  errorMessage: z.string().nullable().optional(),
  isWarning: z.boolean().optional(),
});
export const ValidationFailureListSchema = z.array(ValidationFailureSchema);

export const RootFolderSchema = z.looseObject({
  id: z.number().int().optional(),
  path: z.string().nullable().optional(),
  accessible: z.boolean().optional(),
});
export const RootFolderListSchema = z.array(RootFolderSchema);

export const HostConfigSchema = z.looseObject({
  id: z.number().int(),
  authenticationMethod: z.string().optional(),
  authenticationRequired: z.string().optional(),
  username: z.string().nullable().optional(),
  password: z.string().nullable().optional(),
  passwordConfirmation: z.string().nullable().optional(),
});
export type HostConfig = z.infer<typeof HostConfigSchema>;

export const SystemStatusSchema = z.looseObject({
  appName: z.string().nullable().optional(),
  version: z.string().nullable().optional(),
});

export const QualityProfileListSchema = z.array(
  z.looseObject({ id: z.number().int(), name: z.string().nullable().optional() }),
);
