// plex.tv account API (electron-free): PIN sign-in and claim tokens. https://plex.tv is the default; tests point it at a fake.
import * as z from 'zod';
import { fixAction } from '../contract/fix-action';
import { createHttpJson, type HttpCall, type HttpJson } from '../http/http-json';

export const PLEX_PRODUCT = 'Ultimate Plex Stack';

const PinSchema = z.looseObject({
  id: z.number().int(),
  code: z.string().min(1),
  expiresAt: z.string().optional(),
  expiresIn: z.number().optional(),
  authToken: z.string().nullable().optional(),
});
export type PlexPin = z.infer<typeof PinSchema>;

/** GET /api/v2/user: the signed-in account. Only what the app shows is kept; the answer also repeats the token. */
const AccountSchema = z.looseObject({ username: z.string().min(1), title: z.string().optional() });
export interface PlexAccount {
  username: string;
}

const ClaimTokenSchema = z.object({ token: z.string().startsWith('claim-') });

export interface PlexTvOptions {
  /** Stable per install: plex.tv lists sign-ins per client identifier. */
  clientId: string;
  baseUrl?: string;
  /** Where the user approves the PIN in a browser. */
  authAppUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  onCall?: (call: HttpCall) => void;
}

export class PlexTvClient {
  private readonly http: HttpJson;
  private readonly authApp: string;

  constructor(private readonly opts: PlexTvOptions) {
    this.authApp = opts.authAppUrl ?? 'https://app.plex.tv/auth';
    this.http = createHttpJson({
      service: 'plex.tv',
      baseUrl: opts.baseUrl ?? 'https://plex.tv',
      timeoutMs: opts.timeoutMs,
      fetch: opts.fetch,
      onCall: opts.onCall,
      headers: () => ({ 'X-Plex-Product': PLEX_PRODUCT, 'X-Plex-Client-Identifier': opts.clientId }),
      authFix: 'The Plex sign-in is no longer valid: sign in to Plex again.',
      authAction: fixAction('plex.signin'),
    });
  }

  /** A strong PIN is the one meant for the browser flow (app.plex.tv/auth), unlike the 4-character plex.tv/link codes. */
  createPin(): Promise<PlexPin> {
    return this.http.json(PinSchema, { method: 'POST', path: '/api/v2/pins', query: { strong: 'true' }, write: false });
  }

  checkPin(id: number): Promise<PlexPin> {
    return this.http.json(PinSchema, { path: `/api/v2/pins/${id}` });
  }

  /** The page the user opens to approve the PIN; the code travels in the fragment, so it never reaches a server log. */
  authUrl(code: string): string {
    const params = new URLSearchParams({
      clientID: this.opts.clientId,
      code,
      'context[device][product]': PLEX_PRODUCT,
    });
    return `${this.authApp}#?${params.toString()}`;
  }

  /** Who signed in (plex.tv `GET /api/v2/user`): the username only, never the token the answer also carries. */
  async account(accountToken: string): Promise<PlexAccount> {
    const res = await this.http.json(AccountSchema, {
      path: '/api/v2/user',
      headers: { 'X-Plex-Token': accountToken, accept: 'application/json' },
    });
    return { username: res.username };
  }

  /** A claim token lives about four minutes, so one is fetched right before each claim and never stored. */
  async claimToken(accountToken: string): Promise<string> {
    const res = await this.http.json(ClaimTokenSchema, {
      path: '/api/claim/token.json',
      headers: { 'X-Plex-Token': accountToken },
    });
    return res.token;
  }
}
