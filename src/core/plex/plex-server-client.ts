// Plex Media Server client (electron-free): identity, library sections, server preferences, claim. Asks for JSON (Plex
// answers XML otherwise).
import * as z from 'zod';
import { fixAction } from '../contract/fix-action';
import { createHttpJson, type HttpCall, type HttpJson } from '../http/http-json';

const IdentitySchema = z.object({
  MediaContainer: z.looseObject({
    claimed: z.boolean(),
    machineIdentifier: z.string().min(1),
    version: z.string().optional(),
  }),
});
export type PlexIdentity = z.infer<typeof IdentitySchema>['MediaContainer'];

const SectionSchema = z.looseObject({
  key: z.string(),
  type: z.string(),
  title: z.string(),
  Location: z.array(z.looseObject({ path: z.string() })).optional(),
  /** True while Plex scans the section (JSON answers a boolean; the XML form "0"/"1", as python-plexapi reads it). */
  refreshing: z.union([z.boolean(), z.number()]).optional(),
  /** Unix seconds of the section's last finished scan. */
  scannedAt: z.number().optional(),
});
export type PlexSection = z.infer<typeof SectionSchema>;
const SectionsSchema = z.object({ MediaContainer: z.looseObject({ Directory: z.array(SectionSchema).optional() }) });

export type LibraryKind = 'movie' | 'show';

/** An item with its files: Metadata[].Media[].Part[] with `key` (the stream URL) and `file` (python-plexapi media.py MediaPart). */
const ItemSchema = z.looseObject({
  ratingKey: z.union([z.string(), z.number()]).transform(String),
  title: z.string(),
  Media: z
    .array(z.looseObject({ Part: z.array(z.looseObject({ key: z.string(), file: z.string() })).optional() }))
    .optional(),
});
export type PlexItem = z.infer<typeof ItemSchema>;
const ItemsSchema = z.object({ MediaContainer: z.looseObject({ Metadata: z.array(ItemSchema).optional() }) });

/**
 * `GET /:/prefs`: every server preference as `{id, value, …}` in `MediaContainer.Setting` (Plex Media Server API,
 * developer.plex.tv/pms "Get all preferences"; a real answer in tests/fixtures/recorded/plex/prefs.json).
 */
const PrefsSchema = z.object({
  MediaContainer: z.looseObject({
    Setting: z.array(z.looseObject({ id: z.string(), value: z.union([z.string(), z.number(), z.boolean()]) })),
  }),
});

/** `/library/sections/{key}/all` paged to zero items still carries the section's item count in `totalSize`. */
const CountSchema = z.object({ MediaContainer: z.looseObject({ totalSize: z.number().int().nonnegative() }) });

/** Plex search types (python-plexapi `utils.SEARCHTYPES`): which kind of item a section count counts. */
export const PLEX_SEARCH_TYPE = { movie: 1, show: 2, season: 3, episode: 4 } as const;

/** Agent and scanner Plex itself uses for new movie/TV libraries (Plex Movie / Plex TV Series, the current agents). */
const libraryDefaults: Record<LibraryKind, { agent: string; scanner: string }> = {
  movie: { agent: 'tv.plex.agents.movie', scanner: 'Plex Movie' },
  show: { agent: 'tv.plex.agents.series', scanner: 'Plex TV Series' },
};

export interface PlexServerOptions {
  url: string;
  /** The account token (vault `plex.token`); read at call time so a fresh sign-in is used at once. */
  token: () => Promise<string | null>;
  clientId: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  onCall?: (call: HttpCall) => void;
}

export class PlexServerClient {
  private readonly http: HttpJson;
  private currentToken: string | null = null;

  constructor(private readonly opts: PlexServerOptions) {
    this.http = createHttpJson({
      service: 'Plex',
      baseUrl: opts.url,
      timeoutMs: opts.timeoutMs,
      fetch: opts.fetch,
      onCall: opts.onCall,
      headers: () => ({
        accept: 'application/json',
        'X-Plex-Product': 'Ultimate Plex Stack',
        'X-Plex-Client-Identifier': opts.clientId,
        ...(this.currentToken ? { 'X-Plex-Token': this.currentToken } : {}),
      }),
      authFix:
        'Plex refused the stored sign-in: sign in to Plex again (it also re-claims a server that lost its owner).',
      authAction: fixAction('plex.signin'),
    });
  }

  private async withToken<T>(call: () => Promise<T>): Promise<T> {
    this.currentToken = await this.opts.token();
    return call();
  }

  /** Answers without a token, which is how an unclaimed server is recognised. */
  async identity(): Promise<PlexIdentity> {
    return (await this.http.json(IdentitySchema, { path: '/identity' })).MediaContainer;
  }

  async sections(): Promise<PlexSection[]> {
    return this.withToken(
      async () => (await this.http.json(SectionsSchema, { path: '/library/sections' })).MediaContainer.Directory ?? [],
    );
  }

  async addSection(o: { name: string; kind: LibraryKind; location: string }): Promise<void> {
    const d = libraryDefaults[o.kind];
    await this.withToken(() =>
      this.http.send({
        method: 'POST',
        path: '/library/sections',
        query: {
          name: o.name,
          type: o.kind,
          agent: d.agent,
          scanner: d.scanner,
          language: 'en-US',
          location: o.location,
        },
      }),
    );
  }

  /** Starts a scan of one section for new and removed files (python-plexapi `LibrarySection.update()`); Plex answers
   * at once and shows `refreshing` on the section until the scan is done. */
  async refreshSection(key: string, path?: string): Promise<void> {
    // `path`: a partial scan of that folder only (python-plexapi 4.16.1 plexapi/library.py LibrarySection.update(path)).
    await this.withToken(() =>
      this.http.send({
        path: `/library/sections/${encodeURIComponent(key)}/refresh`,
        ...(path ? { query: { path } } : {}),
        write: true,
      }),
    );
  }

  /** Items whose title contains `title` (python-plexapi 4.16.1 LibrarySection.search(title=…): `/all?type=…&title=…`). */
  async searchSection(key: string, type: number, title: string): Promise<PlexItem[]> {
    return this.withToken(
      async () =>
        (
          await this.http.json(ItemsSchema, {
            path: `/library/sections/${encodeURIComponent(key)}/all`,
            query: { type, title },
          })
        ).MediaContainer.Metadata ?? [],
    );
  }

  /** One item by its ratingKey (`/library/metadata/{key}`, python-plexapi PlexServer.fetchItem); null when Plex has none. */
  async item(ratingKey: string): Promise<PlexItem | null> {
    return this.withToken(async () => {
      const res = await this.http.send({
        path: `/library/metadata/${encodeURIComponent(ratingKey)}`,
        acceptStatus: [404],
      });
      if (res.status === 404) return null;
      return ItemsSchema.parse(JSON.parse(res.text)).MediaContainer.Metadata?.[0] ?? null;
    });
  }

  /** Items of `type` in a section, collections left out (python-plexapi `totalViewSize(libtype, includeCollections=False)`). */
  async countItems(key: string, type?: number): Promise<number> {
    const query = { type, includeCollections: 0, 'X-Plex-Container-Start': 0, 'X-Plex-Container-Size': 0 };
    return this.withToken(
      async () =>
        (await this.http.json(CountSchema, { path: `/library/sections/${encodeURIComponent(key)}/all`, query }))
          .MediaContainer.totalSize,
    );
  }

  /** Server preferences by id, values as text (the form `PUT /:/prefs` takes them in). Needs the owner's token. */
  async prefs(): Promise<Record<string, string>> {
    const res = await this.withToken(() => this.http.json(PrefsSchema, { path: '/:/prefs' }));
    return Object.fromEntries(res.MediaContainer.Setting.map((s) => [s.id, String(s.value)]));
  }

  /**
   * Sets server preferences as query parameters of `PUT /:/prefs` (developer.plex.tv/pms "Set preferences"; python-
   * plexapi `Settings.save`). Plex answers 200 with no body, and 400 "cannot set preference value for unknown
   * preference <id>" for an id it does not have.
   */
  async setPrefs(values: Record<string, string>): Promise<void> {
    await this.withToken(() => this.http.send({ method: 'PUT', path: '/:/prefs', query: values }));
  }

  async claim(claimToken: string): Promise<void> {
    await this.withToken(() => this.http.send({ method: 'POST', path: '/myplex/claim', query: { token: claimToken } }));
  }
}
