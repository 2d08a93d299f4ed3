// qBittorrent WebUI API v2 client (electron-free): cookie session, both login styles, zod-checked answers.
import * as z from 'zod';
import { UpsFailure } from '../../contract';
import { fixAction } from '../../contract/fix-action';
import { createHttpJson, HttpFailure, type HttpCall } from '../../http/http-json';

export interface QbtCredential {
  username: string;
  password: string;
}

export interface QbittorrentClientOptions {
  baseUrl: string;
  /** The generated, permanent login (from the vault). Tried first. */
  credential: QbtCredential;
  /** The install-time login (4.x `admin`/`adminadmin`, or 5.x's temporary password), tried once if the first one fails. */
  initial?: QbtCredential;
  timeoutMs?: number;
  onCall?: (call: HttpCall) => void;
  fetch?: typeof fetch;
}

/** The subset of `/app/preferences` we manage; other keys pass through untouched. */
export const QbtPreferencesSchema = z.looseObject({
  save_path: z.string(),
  auto_tmm_enabled: z.boolean(),
  torrent_changed_tmm_enabled: z.boolean(),
  save_path_changed_tmm_enabled: z.boolean(),
  category_changed_tmm_enabled: z.boolean(),
  web_ui_username: z.string(),
  /** Login skipped for 127.0.0.1 / for the whitelisted subnets (qBittorrent src/webui/api/appcontroller.cpp, release-5.2.3). */
  bypass_local_auth: z.boolean().optional(),
  bypass_auth_subnet_whitelist_enabled: z.boolean().optional(),
});
export type QbtPreferences = z.infer<typeof QbtPreferencesSchema>;

export const QbtCategoriesSchema = z.record(z.string(), z.object({ name: z.string(), savePath: z.string() }));
export type QbtCategories = z.infer<typeof QbtCategoriesSchema>;

/** Writable preferences: the managed keys plus the write-only password. */
export type QbtPreferenceChanges = Partial<QbtPreferences> & { web_ui_password?: string };

export interface QbittorrentClient {
  readonly where: string;
  /** Which login opened the session: `initial` means the permanent password is not set yet. */
  loggedInWith(): Promise<'credential' | 'initial'>;
  /** After the permanent password was written: later sessions use it. */
  adoptCredential(): void;
  version(): Promise<string>;
  webApiVersion(): Promise<string>;
  preferences(): Promise<QbtPreferences>;
  setPreferences(changes: QbtPreferenceChanges): Promise<void>;
  categories(): Promise<QbtCategories>;
  createCategory(name: string, savePath: string): Promise<void>;
  editCategory(name: string, savePath: string): Promise<void>;
}

const API = '/api/v2';

export function createQbittorrentClient(o: QbittorrentClientOptions): QbittorrentClient {
  let cookie: string | null = null;
  let session: 'credential' | 'initial' | null = null;
  /** Once a login failed we never try again in this client: five failures ban the IP (WebUI\MaxAuthenticationFailCount). */
  let loginFailure: UpsFailure | null = null;
  let initial = o.initial;

  const http = createHttpJson({
    service: 'qBittorrent',
    baseUrl: o.baseUrl,
    timeoutMs: o.timeoutMs,
    onCall: o.onCall,
    fetch: o.fetch,
    headers: (): Record<string, string> => (cookie ? { cookie } : {}),
    authFix:
      'The qBittorrent session was refused: check that the password stored for qBittorrent is the one set in its Web UI.',
  });

  /** One POST to /auth/login. true = session open. Handles `200 Ok.`/`200 Fails.` (before 5.2) and `204`/`401` (5.2 on). */
  async function tryLogin(c: QbtCredential): Promise<boolean> {
    const res = await http.send({
      method: 'POST',
      path: `${API}/auth/login`,
      form: { username: c.username, password: c.password },
      acceptStatus: [401, 403],
      write: false,
    });
    if (res.status === 403) {
      throw new UpsFailure({
        code: 'FORBIDDEN',
        message: `qBittorrent at ${http.where} has banned this address after too many failed logins.`,
        fix: 'Wait for the ban to end (1 hour by default) or restart the qBittorrent container, then check the stored password before trying again.',
      });
    }
    if (res.status === 401 || res.text.trim() === 'Fails.') return false;
    // Success is `200 Ok.` before 5.2 and `204` with an empty body from 5.2 on; anything else is not qBittorrent's login.
    if (!(res.status === 204 || res.text.trim() === 'Ok.')) {
      throw new HttpFailure(
        'malformed',
        'qBittorrent',
        res.status,
        `qBittorrent at ${http.where} answered the login with HTTP ${res.status} ${JSON.stringify(res.text.slice(0, 60))}, neither success nor refusal.`,
        `Check that ${http.where} points at the qBittorrent Web UI itself, not a proxy or another app.`,
      );
    }
    // The cookie is `SID` before 5.2 and `QBT_SID_<port>` after: keep whatever name the server chose.
    const pair = res.headers.getSetCookie()[0]?.split(';')[0]?.trim();
    cookie = pair && pair.includes('=') ? pair : null;
    return true;
  }

  async function ensureSession(): Promise<void> {
    if (loginFailure) throw loginFailure;
    if (session) return;
    if (await tryLogin(o.credential)) {
      session = 'credential';
      return;
    }
    if (initial && (await tryLogin(initial))) {
      session = 'initial';
      return;
    }
    loginFailure = new UpsFailure({
      code: 'UNAUTHORIZED',
      message: `qBittorrent at ${http.where} rejected the login for user "${o.credential.username}"${initial ? ' (the generated and the initial password)' : ''}.`,
      fix: 'Set the qBittorrent Web UI password to the one stored for this install (Tools → Options → Web UI), or store the password qBittorrent uses now; then repair the links. Not retried automatically: repeated failures ban this address.',
      action: fixAction('secrets.set', { name: 'qbittorrent.password' }, 'Replace the stored qBittorrent password'),
    });
    throw loginFailure;
  }

  /** An authenticated call; a session that expired (403) is renewed once with the same login, never looped. */
  async function authed<T>(call: () => Promise<T>): Promise<T> {
    await ensureSession();
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof HttpFailure && err.kind === 'forbidden')) throw err;
      session = null;
      cookie = null;
      await ensureSession();
      return call();
    }
  }

  const text = (path: string) => authed(async () => (await http.send({ path: `${API}${path}` })).text.trim());
  const post = (path: string, form: Record<string, string>) =>
    authed(async () => void (await http.send({ method: 'POST', path: `${API}${path}`, form })));

  return {
    where: http.where,
    async loggedInWith() {
      await ensureSession();
      return session ?? 'credential';
    },
    adoptCredential() {
      session = session && 'credential';
      initial = undefined;
    },
    version: () => text('/app/version'),
    webApiVersion: () => text('/app/webapiVersion'),
    preferences: () => authed(() => http.json(QbtPreferencesSchema, { path: `${API}/app/preferences` })),
    setPreferences: (changes) => post('/app/setPreferences', { json: JSON.stringify(changes) }),
    categories: () => authed(() => http.json(QbtCategoriesSchema, { path: `${API}/torrents/categories` })),
    createCategory: (name, savePath) => post('/torrents/createCategory', { category: name, savePath }),
    editCategory: (name, savePath) => post('/torrents/editCategory', { category: name, savePath }),
  };
}
