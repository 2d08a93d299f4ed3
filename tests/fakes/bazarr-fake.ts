// Bazarr fake following tests/fixtures/recorded/bazarr (built from Bazarr's config.py defaults and API code):
// X-API-KEY auth, settings read as JSON and written as `settings-<section>-<key>` form fields (204), status that
// names Sonarr's/Radarr's version when the stored address and key reach them and `unknown` when they do not.
import { readFileSync } from 'node:fs';
import { fixturePath } from './fixture-path';
import { RecordedFakeServer } from './recorded-fake-server';
import type { FakeNetwork } from './arr-fake-checks';

type Json = Record<string, unknown>;
/** app/config.py `array_keys` (v1.5.2): settings kept as lists (the ones the wiring sends). */
const arrayKeys = new Set([
  'enabled_providers',
  'enabled_integrations',
  'excluded_tags',
  'path_mappings',
  'path_mappings_movie',
]);
const recorded = (p: string) => JSON.parse(readFileSync(fixturePath(`recorded/bazarr/${p}`), 'utf8')) as Json;

export interface BazarrFake {
  server: RecordedFakeServer;
  languageProfiles(): Json[];
  settings: Record<string, Json>;
  apiKey: string;
}

/** `seededKey`: the key install seeds into config.yaml (auth.apikey), which Bazarr keeps instead of generating one. */
export async function startBazarrFake(network: FakeNetwork, seededKey?: string): Promise<BazarrFake> {
  const settings = recorded('settings.json') as Record<string, Json>;
  if (seededKey) settings.auth = { ...settings.auth, apikey: seededKey };
  const apiKey = String((settings.auth as Json).apikey);
  const server = new RecordedFakeServer('bazarr');
  const authed = (h: Record<string, unknown>) => h['x-api-key'] === apiKey;
  const unauthorized = { status: 401, body: { message: 'Unauthorized' } };

  /**
   * Bazarr's `GetSonarrInfo.version()` / `GetRadarrInfo.version()` (github.com/morpheus65535/bazarr v1.5.2,
   * `bazarr/sonarr/info.py`, `bazarr/radarr/info.py`, read by `bazarr/api/system/status.py`): '' when the service is
   * not in use; otherwise `GET <url>/api/v3/system/status?apikey=<key>` (after the legacy `/api/system/status`, which
   * a v3+ Arr does not answer with JSON) and its `version`; any failure (unreachable, 401's empty body, not JSON)
   * becomes the text `unknown`. Not modelled: a JSON answer without `version` (a KeyError in Bazarr); Bazarr caches the answer, `unknown` included, for 60 s.
   */
  async function versionOf(app: 'sonarr' | 'radarr'): Promise<string> {
    const s = settings[app]!;
    if (!sameText(settings.general![`use_${app}`], 'true')) return '';
    const target = network[`${String(s.ip)}:${String(s.port)}`];
    if (!target) return 'unknown';
    try {
      const res = await fetch(`${target.url}/api/v3/system/status?apikey=${encodeURIComponent(String(s.apikey))}`, {
        signal: AbortSignal.timeout(2000),
      });
      const version = ((await res.json()) as Json).version;
      return version === undefined ? 'unknown' : String(version);
    } catch {
      return 'unknown';
    }
  }

  /** A few rows of Bazarr's language table (code2, name, enabled), all off in a fresh install. */
  const languages = [
    { code2: 'en', code3: 'eng', name: 'English', enabled: false },
    { code2: 'fr', code3: 'fra', name: 'French', enabled: false },
    { code2: 'de', code3: 'deu', name: 'German', enabled: false },
    { code2: 'es', code3: 'spa', name: 'Spanish', enabled: false },
    { code2: 'nl', code3: 'nld', name: 'Dutch', enabled: false },
  ];
  let languageProfiles: Json[] = [];
  server
    .route('GET', /^\/api\/system\/languages$/, (req) =>
      authed(req.headers) ? { status: 200, body: languages } : unauthorized,
    )
    .route('GET', /^\/api\/system\/languages\/profiles$/, (req) =>
      authed(req.headers) ? { status: 200, body: languageProfiles } : unauthorized,
    )
    .route('GET', /^\/api\/system\/settings$/, (req) =>
      authed(req.headers) ? { status: 200, body: settings } : unauthorized,
    )
    .route('POST', /^\/api\/system\/settings$/, (req) => {
      if (!authed(req.headers)) return unauthorized;
      if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
        throw new Error('Bazarr reads request.form: the body must be form-encoded');
      const form = new URLSearchParams(req.body);
      // bazarr/api/system/settings.py (v1.5.2): `languages-enabled` (getlist) switches every language off, then on
      // the listed ones; `languages-profiles` (JSON) replaces the whole profile table; neither is a settings key.
      const enabled = form.getAll('languages-enabled');
      if (enabled.length) for (const l of languages) l.enabled = enabled.includes(l.code2);
      const profiles = form.get('languages-profiles');
      if (profiles) languageProfiles = JSON.parse(profiles) as Json[];
      form.delete('languages-enabled');
      form.delete('languages-profiles');
      // save_settings() with request.form.listvalues(): an array key (app/config.py array_keys) keeps every value.
      const lists = new Set<string>();
      for (const key of form.keys()) {
        const m = /^settings-([a-z0-9_]+)-([a-z0-9_]+)$/.exec(key);
        if (m && arrayKeys.has(m[2]!)) lists.add(key);
      }
      for (const key of lists) {
        const [, section, name] = /^settings-([a-z0-9_]+)-([a-z0-9_]+)$/.exec(key)!;
        if (!settings[section!] || !(name! in settings[section!]!)) throw new Error(`unknown Bazarr setting ${key}`);
        const values = form.getAll(key).filter((v) => !['', 'None', 'null', 'undefined'].includes(v));
        settings[section!]![name!] = values;
        (settings[section!]![section!] as Json)[name!] = values;
        form.delete(key);
      }
      for (const [key, raw] of form) {
        const m = /^settings-([a-z0-9_]+)-([a-z0-9_]+)$/.exec(key);
        if (!m || !settings[m[1]!] || !(m[2]! in settings[m[1]!]!)) throw new Error(`unknown Bazarr setting ${key}`);
        // save_settings(): 'true'/'false' become booleans, everything else is stored as the submitted text.
        const value = raw === 'true' ? true : raw === 'false' ? false : raw;
        settings[m[1]!]![m[2]!] = value;
        (settings[m[1]!]![m[1]!] as Json)[m[2]!] = value;
      }
      return { status: 204 };
    })
    .route('GET', /^\/api\/system\/status$/, async (req) => {
      if (!authed(req.headers)) return unauthorized;
      const base = recorded('status.json').data as Json;
      return {
        status: 200,
        body: {
          data: { ...base, sonarr_version: await versionOf('sonarr'), radarr_version: await versionOf('radarr') },
        },
      };
    });
  await server.start();
  return { server, settings, apiKey, languageProfiles: () => languageProfiles };
}

function sameText(a: unknown, b: string): boolean {
  return String(a) === b;
}
