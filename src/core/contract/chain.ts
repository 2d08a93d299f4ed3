// chain.check: one item followed from request to stream with the services' own APIs; the first broken hop stops the walk
// and says why, with a plain fix and (when a door can do it) a fix action.
import * as z from 'zod';
import { FixActionSchema } from './fix-action';

/** The hops in the order an item travels them; `usenet` is walked only when NZBGet is on. */
export const chainHops = [
  'request',
  'indexer',
  'download',
  'usenet',
  'filesystem',
  'import',
  'library',
  'stream',
] as const;
export const ChainHopSchema = z.enum(chainHops);
export type ChainHop = z.infer<typeof ChainHopSchema>;

/** What each hop proves, in words a user recognises (the dashboard and `ups verify` show it). */
export const chainHopLabels: Record<ChainHop, string> = {
  request: 'Seerr reaches Radarr and Sonarr (profile and root folder valid)',
  indexer: 'Prowlarr has a working indexer, synced to Radarr and Sonarr',
  download: 'The download clients pass their tests through the VPN',
  usenet: 'NZBGet connects to your Usenet news server and logs in',
  filesystem: 'Downloads and media are on one filesystem (hardlinks work)',
  import: 'A sample download is imported into the media folder as a hardlink',
  library: "Plex's scan of that folder sees the sample",
  stream: 'Plex answers for the sample item',
};

export const ChainHopResultSchema = z.object({
  hop: ChainHopSchema,
  ok: z.boolean(),
  /** What was found (the cause, when it failed). */
  detail: z.string(),
  /** The fix in words. */
  hint: z.string().optional(),
  /** The fix a door can perform (a button; the exact command in the CLI). */
  fix: FixActionSchema.optional(),
  durationMs: z.number().int().min(0),
});
export type ChainHopResult = z.infer<typeof ChainHopResultSchema>;

export const ChainCheckResultSchema = z.object({
  ok: z.boolean(),
  /** The hops walked, in order: all of them when ok, else up to and including the first broken one. */
  hops: z.array(ChainHopResultSchema),
  /** Hops not walked because an earlier one broke. */
  notRun: z.array(ChainHopSchema),
  /** Whether the sample and everything made for it were removed again (false: `detail` of the last hop says what is left). */
  cleanedUp: z.boolean(),
});
export type ChainCheckResult = z.infer<typeof ChainCheckResultSchema>;
