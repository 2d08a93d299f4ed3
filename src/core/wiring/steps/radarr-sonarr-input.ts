// Desired-state input of the Arr wiring (Radarr, Sonarr, Prowlarr and the download clients they use), zod-checked.
// Built from StackConfig + vault secrets by the caller; nothing here is written to disk.
import * as z from 'zod';
import type { HttpCall } from '../../http/http-json';
import { defaultCategories } from '../../contract/arr-config';

/** A service both as this app reaches it (`url`) and as other containers reach it (`internalUrl`, e.g. `http://radarr:7878`). */
export const ArrServiceInputSchema = z.object({
  url: z.url(),
  internalUrl: z.url(),
  apiKey: z.string().min(1),
});

/** qBittorrent/NZBGet live in the `vpn` container's network namespace (docs/decisions.md D6), so other containers use host `vpn`. */
export const DownloadClientInputSchema = z.object({
  host: z.string().min(1).default('vpn'),
  port: z.number().int().min(1).max(65535),
  username: z.string().min(1),
  password: z.string().min(1),
  /** The password was just replaced (secrets.set): the app's masked copy is written again even though it compares equal. */
  replaced: z.boolean().optional(),
});

export const ArrWiringInputSchema = z.object({
  radarr: ArrServiceInputSchema,
  sonarr: ArrServiceInputSchema,
  prowlarr: ArrServiceInputSchema,
  qbittorrent: DownloadClientInputSchema.optional(),
  nzbget: DownloadClientInputSchema.optional(),
  /** Forms login for every Arr UI (generated, kept in the vault as arr.ui_password) so the UI never locks the user out. */
  ui: z.object({ username: z.string().min(1), password: z.string().min(8) }),
  paths: z
    .object({ movies: z.string().default('/data/media/movies'), tv: z.string().default('/data/media/tv') })
    .default({ movies: '/data/media/movies', tv: '/data/media/tv' }),
  /**
   * arr.yml's download clients per Arr (client → category). When given, only the clients listed get a step (items the
   * file does not mention are left alone); without it every running client is wired with the default categories.
   */
  clients: z
    .record(
      z.enum(['radarr', 'sonarr']),
      z.object({ qbittorrent: z.string().min(1).optional(), nzbget: z.string().min(1).optional() }),
    )
    .optional(),
});
export type ArrWiringInput = z.infer<typeof ArrWiringInputSchema>;
export type DownloadClientInput = z.infer<typeof DownloadClientInputSchema>;

/** Categories each Arr files its downloads under (DESIGN service table), the defaults of arr.yml. */
export const categories = defaultCategories;

/**
 * The NZBGet categories the stack needs: every category an Arr is given. qBittorrent categories are created by the
 * Arrs' own save-time test, NZBGet ones are not: the test only checks that the category exists, by exact name
 * (`Nzbget.cs` TestCategory(), "Category does not exist", in Prowlarr v2.3.5.5327, Radarr v6.0.3.10276 and Sonarr
 * v4.0.19.2979), so the NZBGet step creates each of these before the Arrs save their download clients.
 */
export function nzbgetCategories(): string[] {
  return [...new Set(Object.values(categories).map((c) => c.nzbget))];
}

/** Knobs for tests and bench: observe every HTTP call, shorten timeouts. */
export interface WiringRuntime {
  onCall?: (call: HttpCall) => void;
  timeoutMs?: number;
  fetch?: typeof fetch;
}
