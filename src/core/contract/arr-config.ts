// arr.yml: the Arr-side desired state the user owns (docs/decisions.md D32): indexers, quality presets, naming, root
// folders, download-client categories, Plex library updates, Bazarr subtitles, Seerr defaults; plus the indexer calls.
import * as z from 'zod';
import { IndexerSecretNameSchema } from './secret-names';

/** A secret in the file is only ever a reference to a vault entry, never its value. */
export const SecretRefSchema = z.object({ secret: IndexerSecretNameSchema }).strict();
export type SecretRef = z.infer<typeof SecretRefSchema>;

export const FieldValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number()])),
  SecretRefSchema,
]);
export type FieldValue = z.infer<typeof FieldValueSchema>;

/** One Prowlarr indexer: its own name, the Prowlarr definition it is made from, and the fields that definition asks for. */
export const ArrIndexerSchema = z
  .object({
    name: z.string().trim().min(1, 'give the indexer a name'),
    /** Prowlarr's definition name (`definitionName` in /api/v1/indexer/schema), e.g. `1337x`, or an implementation such as `Newznab`. */
    definition: z.string().trim().min(1, 'name the Prowlarr definition, e.g. 1337x'),
    enable: z.boolean().default(true),
    /** Prowlarr refuses priorities outside 1..50 (IndexerController.cs). */
    priority: z.number().int().min(1).max(50).default(25),
    fields: z.record(z.string(), FieldValueSchema).default({}),
  })
  .strict();
export type ArrIndexer = z.infer<typeof ArrIndexerSchema>;

export const qualityPresetNames = ['1080p', '4K', 'Space saver'] as const;
export const QualityPresetNameSchema = z.enum(qualityPresetNames);
export type QualityPresetName = z.infer<typeof QualityPresetNameSchema>;

/**
 * What each preset means in Radarr and Sonarr: the profile's name, the qualities (or quality groups, by the names the
 * services' own default profile uses: Quality.cs DefaultQualityDefinitions GroupName) it allows, and the cutoff.
 * Names follow the TRaSH guides' profile names.
 */
export const qualityPresets: Record<
  QualityPresetName,
  { profileName: string; allowed: string[]; cutoff: string; upgradeAllowed: boolean }
> = {
  '1080p': {
    profileName: 'HD Bluray + WEB',
    allowed: ['WEB 1080p', 'Bluray-1080p'],
    cutoff: 'Bluray-1080p',
    upgradeAllowed: true,
  },
  '4K': {
    profileName: 'UHD Bluray + WEB',
    allowed: ['WEB 2160p', 'Bluray-2160p'],
    cutoff: 'Bluray-2160p',
    upgradeAllowed: true,
  },
  'Space saver': {
    profileName: 'Space Saver',
    allowed: ['WEB 720p', 'Bluray-720p', 'WEB 1080p'],
    cutoff: 'WEB 1080p',
    upgradeAllowed: true,
  },
};

/** Categories each Arr files its downloads under (DESIGN service table); NZBGet's are its usenet folder names. */
export const defaultCategories = {
  radarr: { qbittorrent: 'radarr', nzbget: 'movies' },
  sonarr: { qbittorrent: 'tv-sonarr', nzbget: 'tv' },
  prowlarr: { qbittorrent: 'prowlarr', nzbget: 'prowlarr' },
} as const;

const containerPath = z
  .string()
  .regex(/^\/[^\0]*$/, 'must be a folder inside the containers, starting with /data (e.g. /data/media/movies)');

/** Plain settings of one Arr resource (naming, media management), by the service's own property names. */
const SettingsMapSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

const pruneFlag = z.boolean().default(false);

const ArrAppSectionSchema = z
  .object({
    qualityProfile: z
      .object({
        preset: QualityPresetNameSchema,
        /** Another profile name than the preset's; the preset still decides its qualities. */
        name: z.string().trim().min(1).optional(),
      })
      .strict(),
    rootFolders: z
      .object({ prune: pruneFlag, paths: z.array(containerPath).min(1, 'list at least one root folder') })
      .strict(),
    downloadClients: z
      .object({
        /** Removes download clients other than the stack's qBittorrent/NZBGet (after confirmation). */
        prune: pruneFlag,
        qbittorrent: z
          .object({ category: z.string().trim().min(1) })
          .strict()
          .optional(),
        /** NZBGet's category must be one the wiring creates in NZBGet (its usenet folder names). */
        nzbget: z
          .object({ category: z.enum(['movies', 'tv']) })
          .strict()
          .optional(),
      })
      .strict(),
    naming: SettingsMapSchema.default({}),
    mediaManagement: SettingsMapSchema.default({}),
    /** Tell Plex to refresh the library on import, upgrade and rename (Connect → Plex Media Server). */
    plexLibraryUpdate: z.boolean().default(true),
  })
  .strict();
export type ArrAppSection = z.infer<typeof ArrAppSectionSchema>;

export const ArrConfigSchema = z
  .object({
    version: z.literal(1),
    radarr: ArrAppSectionSchema,
    sonarr: ArrAppSectionSchema,
    prowlarr: z
      .object({
        indexers: z.object({ prune: pruneFlag, items: z.array(ArrIndexerSchema).default([]) }).strict(),
      })
      .strict(),
    bazarr: z
      .object({
        /** ISO 639-1 codes (Bazarr's `code2`), in order of preference. */
        languages: z.array(z.string().regex(/^[a-z]{2}$/, 'use a two-letter language code such as en')).min(1),
        profileName: z.string().trim().min(1).default('Default'),
        /** Bazarr provider ids (custom_libs/subliminal_patch/providers/<id>.py). */
        providers: z
          .object({ prune: pruneFlag, items: z.array(z.string().regex(/^[a-z0-9_]+$/)).default([]) })
          .strict(),
      })
      .strict(),
    seerr: z
      .object({
        minimumAvailability: z.enum(['announced', 'inCinemas', 'released']).default('released'),
        seasonFolders: z.boolean().default(true),
      })
      .strict(),
    /**
     * Reserved for the Usenet news server (host, port, TLS, connections; the password as a vault reference), filled
     * by the Usenet work. Left as is by everything here.
     */
    usenet: z.looseObject({}).optional(),
  })
  .strict();
export type ArrConfig = z.infer<typeof ArrConfigSchema>;
export type ArrConfigInput = z.input<typeof ArrConfigSchema>;

// ---- indexer channels ----

export const IndexerDefinitionFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  /** Holds a password or key: the dialog asks for it masked and it goes to the vault. */
  secret: z.boolean(),
  advanced: z.boolean(),
  value: z.unknown().optional(),
  options: z.array(z.object({ value: z.union([z.number(), z.string()]), name: z.string() })).optional(),
});

export const IndexerDefinitionSchema = z.object({
  definition: z.string(),
  name: z.string(),
  description: z.string(),
  privacy: z.enum(['public', 'semiPrivate', 'private']),
  protocol: z.string(),
  fields: z.array(IndexerDefinitionFieldSchema),
});
export type IndexerDefinition = z.infer<typeof IndexerDefinitionSchema>;

export const IndexerDefinitionsInputSchema = z
  .object({ includePrivate: z.boolean().optional(), search: z.string().max(100).optional() })
  .strict();
export const IndexerDefinitionsSchema = z.object({ definitions: z.array(IndexerDefinitionSchema) });

export const IndexerListSchema = z.object({
  indexers: z.array(
    z.object({
      name: z.string(),
      definition: z.string(),
      enable: z.boolean(),
      /** In arr.yml (managed) or only in Prowlarr (left alone unless prune is on). */
      managed: z.boolean(),
      inProwlarr: z.boolean(),
    }),
  ),
});

/** Adds (or replaces) one indexer: tested by Prowlarr first, then saved there and written into arr.yml. */
export const IndexerAddInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    definition: z.string().trim().min(1).max(200),
    /** Plain values; secret fields (by the definition's privacy) go to the vault and the file keeps a reference. */
    fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
    /** Test only: nothing is saved. */
    testOnly: z.boolean().optional(),
  })
  .strict();
export const IndexerAddResultSchema = z.object({
  ok: z.boolean(),
  saved: z.boolean(),
  /** Prowlarr's own test messages when it refused. */
  messages: z.array(z.string()),
});

/** "Keep the service's value in the file": rewrites one setting of arr.yml with what the service holds now. */
export const ArrConfigAdoptInputSchema = z
  .object({
    /** Path inside arr.yml, e.g. ["radarr", "naming", "renameMovies"]. */
    path: z.array(z.string().min(1)).min(2).max(6),
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
  })
  .strict();
export const ArrConfigAdoptResultSchema = z.object({ file: z.string(), written: z.boolean() });
