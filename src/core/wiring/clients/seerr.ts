// Seerr /api/v1 client (Overseerr-compatible, electron-free). The API key works only once the first Plex sign-in has
// created user 1, so the first session signs in with the Plex token (cookie), reads the key and keeps it in the vault.
import * as z from 'zod';
import { fixAction } from '../../contract/fix-action';
import { createHttpJson, HttpFailure, type HttpCall, type HttpJson } from '../../http/http-json';

const UserSchema = z.looseObject({ id: z.number().int() });
const PublicSettingsSchema = z.looseObject({ initialized: z.boolean().optional() });
const MainSettingsSchema = z.looseObject({ apiKey: z.string().min(1) });
const LibrarySchema = z.looseObject({ id: z.string(), name: z.string(), enabled: z.boolean() });
export type SeerrLibrary = z.infer<typeof LibrarySchema>;
const PlexSettingsSchema = z.looseObject({
  name: z.string().optional(),
  machineId: z.string().optional(),
  ip: z.string(),
  port: z.number(),
  useSsl: z.boolean().nullable().optional(),
  libraries: z.array(LibrarySchema).optional(),
});
export type SeerrPlexSettings = z.infer<typeof PlexSettingsSchema>;

/** Radarr and Sonarr entries share these fields (RadarrSettings / SonarrSettings in seerr-api.yml). */
export const SeerrArrSchema = z.looseObject({
  id: z.number().optional(),
  name: z.string(),
  hostname: z.string(),
  port: z.number(),
  apiKey: z.string(),
  useSsl: z.boolean(),
  baseUrl: z.string().optional(),
  activeProfileId: z.number(),
  activeProfileName: z.string(),
  activeDirectory: z.string(),
  is4k: z.boolean(),
  isDefault: z.boolean(),
});
export type SeerrArr = z.infer<typeof SeerrArrSchema>;
const ProfilesSchema = z.looseObject({
  profiles: z.array(z.looseObject({ id: z.number(), name: z.string() })).default([]),
});

export type SeerrArrKind = 'radarr' | 'sonarr';

export interface SeerrOptions {
  url: string;
  /** Vault `seerr.api_key`; null before the first sign-in. */
  apiKey: () => Promise<string | null>;
  timeoutMs?: number;
  fetch?: typeof fetch;
  onCall?: (call: HttpCall) => void;
}

export class SeerrClient {
  readonly http: HttpJson;
  private key: string | null = null;
  private cookie: string | null = null;

  constructor(private readonly opts: SeerrOptions) {
    this.http = createHttpJson({
      service: 'Seerr',
      baseUrl: opts.url.replace(/\/$/, '') + '/api/v1',
      timeoutMs: opts.timeoutMs,
      fetch: opts.fetch,
      onCall: opts.onCall,
      headers: () => ({ ...(this.cookie ? { cookie: this.cookie } : this.key ? { 'X-Api-Key': this.key } : {}) }),
      authFix:
        'Seerr does not accept the stored key yet: repair the links after the Plex sign-in (Seerr signs in with the same Plex account).',
      authAction: fixAction('wiring.apply'),
    });
  }

  private async authed<T>(call: () => Promise<T>): Promise<T> {
    if (!this.cookie) this.key = await this.opts.apiKey();
    return call();
  }

  publicSettings() {
    return this.http.json(PublicSettingsSchema, { path: '/settings/public' });
  }

  /** True when the stored API key maps to user 1 (i.e. the admin signed in once). 401/403 mean "not yet". */
  async apiKeyWorks(): Promise<boolean> {
    if (!(await this.opts.apiKey())) return false;
    try {
      await this.authed(() => this.http.json(UserSchema, { path: '/auth/me' }));
      return true;
    } catch (err) {
      if (err instanceof HttpFailure && (err.kind === 'unauthorized' || err.kind === 'forbidden')) return false;
      throw err;
    }
  }

  /** Signs in as the Plex account (creating user 1, the admin, on a fresh Seerr) and returns Seerr's API key. */
  async signInWithPlex(plexToken: string): Promise<string> {
    const res = await this.http.send({ method: 'POST', path: '/auth/plex', json: { authToken: plexToken } });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (!cookie)
      throw new HttpFailure(
        'malformed',
        'Seerr',
        res.status,
        'Seerr accepted the Plex sign-in but set no session cookie.',
        'Check that the Seerr URL points at Seerr itself, not a proxy that strips cookies.',
      );
    this.cookie = cookie;
    try {
      return (await this.http.json(MainSettingsSchema, { path: '/settings/main' })).apiKey;
    } finally {
      this.cookie = null;
    }
  }

  plexSettings(): Promise<SeerrPlexSettings> {
    return this.authed(() => this.http.json(PlexSettingsSchema, { path: '/settings/plex' }));
  }

  /** Seerr connects to Plex while saving and answers 500 when it cannot. */
  savePlex(s: { ip: string; port: number; useSsl: boolean }): Promise<SeerrPlexSettings> {
    return this.authed(() => this.http.json(PlexSettingsSchema, { method: 'POST', path: '/settings/plex', json: s }));
  }

  /**
   * Re-reads Plex's libraries and enables exactly `enableIds`. Seerr disables every library NOT listed (and all of
   * them when `enable` is absent), so an empty list is refused here rather than sent.
   */
  syncLibraries(enableIds: string[]): Promise<SeerrLibrary[]> {
    if (enableIds.length === 0)
      throw new Error('syncLibraries needs at least one library id: Seerr would disable every library.');
    return this.authed(() =>
      this.http.json(z.array(LibrarySchema), {
        path: '/settings/plex/library',
        query: { sync: 'true', enable: enableIds.join(',') },
        write: true,
      }),
    );
  }

  arrServers(kind: SeerrArrKind): Promise<SeerrArr[]> {
    return this.authed(() => this.http.json(z.array(SeerrArrSchema), { path: `/settings/${kind}` }));
  }

  addArr(kind: SeerrArrKind, s: SeerrArr): Promise<SeerrArr> {
    return this.authed(() => this.http.json(SeerrArrSchema, { method: 'POST', path: `/settings/${kind}`, json: s }));
  }

  updateArr(kind: SeerrArrKind, id: number, s: SeerrArr): Promise<SeerrArr> {
    return this.authed(() =>
      this.http.json(SeerrArrSchema, { method: 'PUT', path: `/settings/${kind}/${id}`, json: s }),
    );
  }

  /** Seerr's own connection test; answers the Arr's quality profiles. Changes nothing. */
  testArr(
    kind: SeerrArrKind,
    s: { hostname: string; port: number; apiKey: string; useSsl: boolean; baseUrl?: string },
  ) {
    const json = { hostname: s.hostname, port: s.port, apiKey: s.apiKey, useSsl: s.useSsl, baseUrl: s.baseUrl ?? '' };
    return this.authed(() =>
      this.http.json(ProfilesSchema, { method: 'POST', path: `/settings/${kind}/test`, json, write: false }),
    );
  }

  initialize() {
    return this.authed(() => this.http.json(PublicSettingsSchema, { method: 'POST', path: '/settings/initialize' }));
  }
}
