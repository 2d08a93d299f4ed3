// Plex Media Server client (electron-free): identity, library sections, claim. Asks for JSON (Plex answers XML otherwise).
import { z } from 'zod';
import { createHttpJson, type HttpCall, type HttpJson } from './http-json';

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
});
export type PlexSection = z.infer<typeof SectionSchema>;
const SectionsSchema = z.object({ MediaContainer: z.looseObject({ Directory: z.array(SectionSchema).optional() }) });

export type LibraryKind = 'movie' | 'show';

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
      authFix: 'Plex refused the stored sign-in: run `ups plex signin` again (it also re-claims a server that lost its owner).',
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
    return this.withToken(async () => (await this.http.json(SectionsSchema, { path: '/library/sections' })).MediaContainer.Directory ?? []);
  }

  async addSection(o: { name: string; kind: LibraryKind; location: string }): Promise<void> {
    const d = libraryDefaults[o.kind];
    await this.withToken(() =>
      this.http.send({
        method: 'POST',
        path: '/library/sections',
        query: { name: o.name, type: o.kind, agent: d.agent, scanner: d.scanner, language: 'en-US', location: o.location },
      }),
    );
  }

  async claim(claimToken: string): Promise<void> {
    await this.withToken(() => this.http.send({ method: 'POST', path: '/myplex/claim', query: { token: claimToken } }));
  }
}
