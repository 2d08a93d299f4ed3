// Bazarr client (electron-free): `/api/system/settings` read as JSON and written form-encoded as
// `settings-<section>-<key>` (Bazarr's own settings form), plus `/api/system/status` for the link test.
import * as z from 'zod';
import { UpsFailure } from '../../contract';
import { fixAction } from '../../contract/fix-action';
import { createHttpJson, type HttpCall, type HttpJson } from '../../http/http-json';

const SectionSchema = z.record(z.string(), z.unknown());
const SettingsSchema = z.looseObject({ general: SectionSchema, sonarr: SectionSchema, radarr: SectionSchema });
export type BazarrSettings = z.infer<typeof SettingsSchema>;

const LanguagesSchema = z.array(
  z.looseObject({ code2: z.string(), name: z.string().optional(), enabled: z.boolean() }),
);
const LanguageProfileSchema = z.looseObject({
  profileId: z.number().int(),
  name: z.string(),
  cutoff: z.number().int().nullable().optional(),
  items: z.array(z.looseObject({ id: z.number().int(), language: z.string() })),
  mustContain: z.array(z.string()).optional(),
  mustNotContain: z.array(z.string()).optional(),
  originalFormat: z.union([z.boolean(), z.number()]).nullable().optional(),
  tag: z.string().nullable().optional(),
});
export type LanguageProfile = z.infer<typeof LanguageProfileSchema>;
const LanguageProfilesSchema = z.array(LanguageProfileSchema);

/** `sonarr_version`/`radarr_version` are filled only when Bazarr itself reached that service with its stored key. */
const StatusSchema = z.object({
  data: z.looseObject({
    bazarr_version: z.string().optional(),
    sonarr_version: z.string().optional(),
    radarr_version: z.string().optional(),
  }),
});

export interface BazarrOptions {
  url: string;
  /** Vault `bazarr.api_key`, read at call time. */
  apiKey: () => Promise<string | null>;
  timeoutMs?: number;
  fetch?: typeof fetch;
  onCall?: (call: HttpCall) => void;
}

export class BazarrClient {
  private readonly http: HttpJson;
  private key = '';

  constructor(private readonly opts: BazarrOptions) {
    this.http = createHttpJson({
      service: 'Bazarr',
      baseUrl: opts.url,
      timeoutMs: opts.timeoutMs,
      fetch: opts.fetch,
      onCall: opts.onCall,
      headers: () => ({ 'X-API-KEY': this.key }),
      authFix:
        'The Bazarr API key stored in the vault (bazarr.api_key) does not match Bazarr\'s config.yaml: re-run setup\'s "repair credentials".',
    });
  }

  private async withKey(): Promise<void> {
    const key = await this.opts.apiKey();
    if (!key) {
      throw new UpsFailure({
        code: 'NOT_FOUND',
        message: 'The vault has no bazarr.api_key, so Bazarr cannot be wired.',
        fix: 'Copy the key from Bazarr → Settings → General → Security and store it as the Bazarr API key, then repair the links.',
        action: fixAction('secrets.set', { name: 'bazarr.api_key' }, 'Store the Bazarr API key'),
      });
    }
    this.key = key;
  }

  async settings(): Promise<BazarrSettings> {
    await this.withKey();
    return this.http.json(SettingsSchema, { path: '/api/system/settings' });
  }

  /** Sends only the given keys; Bazarr leaves every other setting as it is. Values are strings ('true'/'false' for booleans). */
  async save(values: Record<string, Record<string, string>>): Promise<void> {
    await this.withKey();
    const form: Record<string, string> = {};
    for (const [section, keys] of Object.entries(values))
      for (const [k, v] of Object.entries(keys)) form[`settings-${section}-${k}`] = v;
    await this.http.send({ method: 'POST', path: '/api/system/settings', form });
  }

  /** Bazarr's language table: `code2` and whether it is enabled (bazarr/api/system/languages.py, v1.5.2). */
  async languages(): Promise<z.infer<typeof LanguagesSchema>> {
    await this.withKey();
    return this.http.json(LanguagesSchema, { path: '/api/system/languages' });
  }

  /** Every languages profile (bazarr/api/system/languages_profiles.py → app/database.py get_profiles_list, v1.5.2). */
  async languageProfiles(): Promise<LanguageProfile[]> {
    await this.withKey();
    return this.http.json(LanguageProfilesSchema, { path: '/api/system/languages/profiles' });
  }

  /** The settings form with repeated keys (list settings such as enabled_providers, `languages-enabled`). */
  async saveForm(entries: [string, string][]): Promise<void> {
    await this.withKey();
    await this.http.send({ method: 'POST', path: '/api/system/settings', form: entries });
  }

  async status() {
    await this.withKey();
    return (await this.http.json(StatusSchema, { path: '/api/system/status' })).data;
  }
}

/** Bazarr hands form values back as it stored them (often strings), so compare as text. */
export function sameSetting(current: unknown, desired: string): boolean {
  if (current === undefined || current === null) return false;
  if (Array.isArray(current)) return current.map(String).join(',') === desired;
  // A nested object is never one form value: it cannot equal the text we send.
  const scalar = typeof current === 'string' || typeof current === 'number' || typeof current === 'boolean';
  return scalar && String(current) === desired;
}
