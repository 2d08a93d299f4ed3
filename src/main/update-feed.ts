// Where the app looks for its own updates: a generic (static HTTPS folder) feed, from config, validated before use.
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { fromZodError, type UpsError } from '../core/contract';

/** electron-builder writes `app-update.yml` from its `publish` config into resources/; extra keys are its own business. */
export const UpdateFeedSchema = z.object({
  provider: z.literal('generic'),
  url: z.url({ protocol: /^https$/ }),
  channel: z.string().min(1).optional(),
});
export type UpdateFeed = z.infer<typeof UpdateFeedSchema>;

export const FEED_URL_ENV = 'UPS_UPDATE_FEED_URL';

export interface FeedSources {
  env: Record<string, string | undefined>;
  /** Text of resources/app-update.yml, or null when not packaged (dev runs have no feed). */
  appUpdateYml: string | null;
}

export type FeedResult =
  { ok: true; feed: UpdateFeed; source: 'env' | 'app-update.yml' } | { ok: false; error: UpsError };

export function readUpdateFeed({ env, appUpdateYml }: FeedSources): FeedResult {
  const override = env[FEED_URL_ENV];
  if (override !== undefined && override !== '') {
    // An operator override (e.g. a staging feed) beats the packaged one, but is held to the same rules.
    const parsed = UpdateFeedSchema.safeParse({ provider: 'generic', url: override });
    return parsed.success
      ? { ok: true, feed: parsed.data, source: 'env' }
      : {
          ok: false,
          error: {
            ...fromZodError(parsed.error, FEED_URL_ENV),
            field: FEED_URL_ENV,
            fix: `Set ${FEED_URL_ENV} to an https:// URL of the update folder.`,
          },
        };
  }
  if (appUpdateYml === null) {
    return {
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: 'No update feed: this is not an installed build.',
        fix: `Install the app from its setup .exe, or set ${FEED_URL_ENV}.`,
      },
    };
  }
  let raw: unknown;
  try {
    raw = parseYaml(appUpdateYml);
  } catch (err) {
    return {
      ok: false,
      error: {
        code: 'BAD_INPUT',
        message: `app-update.yml is not YAML: ${(err as Error).message}`,
        field: 'app-update.yml',
        fix: 'Reinstall the app.',
      },
    };
  }
  const parsed = UpdateFeedSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, feed: parsed.data, source: 'app-update.yml' }
    : { ok: false, error: fromZodError(parsed.error, 'app-update.yml') };
}
