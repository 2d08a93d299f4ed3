// Nginx Proxy Manager API client (electron-free): the first admin in setup mode, bearer token from /api/tokens, proxy
// hosts, Let's Encrypt certificates.
import * as z from 'zod';
import { createHttpJson, HttpFailure, type HttpCall, type HttpJson } from '../../http/http-json';

/**
 * `GET /api/` answers `{status, setup, version}` without a token; `setup` is true once an active user exists
 * (backend/routes/main.js and `isSetup` in backend/setup.js @ v2.15.1).
 */
const HealthSchema = z.looseObject({ status: z.string(), setup: z.boolean() });

/** NPM's error body: `{error: {code, message}}` (backend/app.js error handler @ v2.15.1). */
const ErrorBodySchema = z.object({ error: z.looseObject({ message: z.string() }) });
/** The AuthError `getTokenFromEmail` throws for an unknown e-mail or a wrong password: HTTP 400, not 401
 * (backend/internal/token.js `ERROR_MESSAGE_INVALID_AUTH`, backend/lib/error.js `AuthError` @ v2.15.1). */
const INVALID_AUTH = 'Invalid email or password';

// The backend answers {token, expires}; NPM's own schema example wraps it in `result`, so both are accepted.
const TokenSchema = z.union([
  z.object({ token: z.string().min(1) }).loose(),
  z.object({ result: z.object({ token: z.string().min(1) }).loose() }),
]);

export const ProxyHostSchema = z.looseObject({
  id: z.number().int(),
  domain_names: z.array(z.string()),
  forward_scheme: z.string(),
  forward_host: z.string(),
  forward_port: z.number().int(),
  certificate_id: z.union([z.number(), z.string()]).optional(),
  ssl_forced: z.union([z.boolean(), z.number()]).optional(),
  block_exploits: z.union([z.boolean(), z.number()]).optional(),
  allow_websocket_upgrade: z.union([z.boolean(), z.number()]).optional(),
  enabled: z.union([z.boolean(), z.number()]).optional(),
  meta: z.looseObject({ nginx_online: z.boolean().optional(), nginx_err: z.string().nullable().optional() }).optional(),
});
export type ProxyHost = z.infer<typeof ProxyHostSchema>;
const CertificateSchema = z.looseObject({
  id: z.number().int(),
  provider: z.string(),
  domain_names: z.array(z.string()),
});
export type Certificate = z.infer<typeof CertificateSchema>;

/** The writable proxy-host properties we manage (NPM refuses any property outside its create/update schema). */
export interface ProxyHostBody {
  domain_names: string[];
  forward_scheme: 'http' | 'https';
  forward_host: string;
  forward_port: number;
  certificate_id: number;
  ssl_forced: boolean;
  block_exploits: boolean;
  allow_websocket_upgrade: boolean;
}

/**
 * The first admin (created by wiring through setup mode, see `createFirstAdmin`) is the user's ACME e-mail: since NPM
 * 2.13 certbot registers with the owner user's e-mail (backend/internal/certificate.js @ v2.15.1), and Let's Encrypt
 * refuses example.com contacts. Lower-cased and trimmed because NPM stores the e-mail as sent
 * (backend/internal/user.js `create`) but looks a login up by `identity.toLowerCase().trim()` with `=`
 * (backend/internal/token.js `getTokenFromEmail`), which is case-sensitive in its default SQLite database: an admin
 * created as `Me@Mail.com` could never sign in.
 */
export const npmAdminEmail = (acmeEmail: string): string => acmeEmail.trim().toLowerCase();

export interface NpmOptions {
  url: string;
  /** NPM admin login: e-mail and the generated password (vault `proxy.admin_password`). */
  identity: string;
  secret: () => Promise<string | null>;
  timeoutMs?: number;
  fetch?: typeof fetch;
  onCall?: (call: HttpCall) => void;
}

/** What to do when NPM's admin is not the one this app created (someone reached setup mode first, or it was changed). */
export const NPM_FOREIGN_ADMIN_FIX =
  "Remove the proxy's data (stop the stack, delete the `proxy-data` volume of this install), start the stack again, " +
  'then connect the apps again: wiring creates the admin with your ACME e-mail and the stored password.';

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

export class NpmClient {
  private readonly http: HttpJson;
  private token: string | null = null;
  private setUp = false;

  constructor(private readonly opts: NpmOptions) {
    this.http = createHttpJson({
      service: 'Nginx Proxy Manager',
      baseUrl: opts.url,
      timeoutMs: opts.timeoutMs,
      fetch: opts.fetch,
      onCall: opts.onCall,
      headers: (): Record<string, string> => (this.token ? { authorization: `Bearer ${this.token}` } : {}),
      authFix:
        'The Nginx Proxy Manager login stored for this install (proxy.admin_password) was refused: re-run setup\'s "repair credentials".',
    });
  }

  private async storedSecret(): Promise<string> {
    const secret = await this.opts.secret();
    if (!secret)
      throw new HttpFailure(
        'unauthorized',
        'Nginx Proxy Manager',
        undefined,
        'No Nginx Proxy Manager password is stored.',
        'Run setup with the reverse proxy turned on, which generates it.',
      );
    return secret;
  }

  /**
   * Whether NPM has any user yet. Without one it is in setup mode: the first `POST /api/users` is accepted from
   * anyone who reaches port 81 (backend/routes/users.js @ v2.15.1), so wiring creates the admin before anything else.
   * Once true it stays true (users are only soft-deleted through the API by an admin), so it is asked once.
   */
  async hasAdmin(): Promise<boolean> {
    if (this.token || this.setUp) return true;
    this.setUp = (await this.http.json(HealthSchema, { path: '/api/' })).setup;
    return this.setUp;
  }

  /**
   * Creates the first admin in setup mode: e-mail = `identity`, password = the generated vault password. NPM 2.15.1
   * accepts `POST /api/users` without a token only while no user exists, makes that user an admin, and hashes
   * `auth.secret` with bcrypt on insert (backend/routes/users.js, backend/internal/user.js `create`,
   * backend/models/auth.js `encryptPassword` @ v2.15.1); it logs only "Creating a new user in setup mode". The body
   * is the one NPM's own setup page sends (frontend/src/pages/Setup/index.tsx, same tag) and is validated against
   * backend/schema/paths/users/post.json. This replaces INITIAL_ADMIN_EMAIL/INITIAL_ADMIN_PASSWORD, which
   * backend/setup.js prints in clear to the container log ("Creating a new user: … with password: …").
   */
  async createFirstAdmin(): Promise<void> {
    const secret = await this.storedSecret();
    try {
      await this.http.send({
        method: 'POST',
        path: '/api/users',
        json: {
          name: 'Administrator',
          nickname: 'Admin',
          email: this.opts.identity,
          roles: ['admin'],
          auth: { type: 'password', secret },
        },
      });
    } catch (err) {
      // Outside setup mode an anonymous create is refused with 403 "Permission Denied" (backend/lib/access.js `can`).
      if (err instanceof HttpFailure && err.kind === 'forbidden')
        throw new HttpFailure(
          'forbidden',
          'Nginx Proxy Manager',
          403,
          'Nginx Proxy Manager already has an admin that this app did not create (it was set up before wiring ran).',
          NPM_FOREIGN_ADMIN_FIX,
        );
      throw err;
    }
    this.setUp = true;
  }

  /** A login is a read as far as the proxy's configuration goes. */
  async ensureToken(): Promise<void> {
    if (this.token) return;
    const secret = await this.storedSecret();
    const res = await this.http.send({
      method: 'POST',
      path: '/api/tokens',
      json: { identity: this.opts.identity, secret },
      write: false,
      acceptStatus: [400],
    });
    if (res.status === 400) {
      const body = ErrorBodySchema.safeParse(safeJson(res.text));
      const message = body.success ? body.data.error.message : res.text.slice(0, 160);
      if (message === INVALID_AUTH)
        throw new HttpFailure(
          'unauthorized',
          'Nginx Proxy Manager',
          400,
          `Nginx Proxy Manager rejected the credentials for ${this.opts.identity} (${INVALID_AUTH}).`,
          "If you changed the admin's e-mail or password in Nginx Proxy Manager, set them back to your ACME e-mail " +
            `and the stored proxy.admin_password. Otherwise: ${NPM_FOREIGN_ADMIN_FIX}`,
        );
      throw new HttpFailure(
        'http-error',
        'Nginx Proxy Manager',
        400,
        `Nginx Proxy Manager refused the login request (HTTP 400: ${message}).`,
        'Check that the proxy runs the image version this app knows (the dashboard shows each image), then try again.',
      );
    }
    const parsed = TokenSchema.safeParse(safeJson(res.text));
    if (!parsed.success)
      throw new HttpFailure(
        'malformed',
        'Nginx Proxy Manager',
        res.status,
        'Nginx Proxy Manager answered the login without a token.',
        'Check that the proxy runs the image version this app knows (the dashboard shows each image), then try again.',
      );
    this.token = 'token' in parsed.data ? parsed.data.token : parsed.data.result.token;
  }

  async proxyHosts(): Promise<ProxyHost[]> {
    await this.ensureToken();
    return this.http.json(z.array(ProxyHostSchema), { path: '/api/nginx/proxy-hosts' });
  }

  async createProxyHost(body: ProxyHostBody): Promise<ProxyHost> {
    await this.ensureToken();
    return this.http.json(ProxyHostSchema, { method: 'POST', path: '/api/nginx/proxy-hosts', json: body });
  }

  async updateProxyHost(id: number, body: ProxyHostBody): Promise<ProxyHost> {
    await this.ensureToken();
    return this.http.json(ProxyHostSchema, { method: 'PUT', path: `/api/nginx/proxy-hosts/${id}`, json: body });
  }

  async certificates(): Promise<Certificate[]> {
    await this.ensureToken();
    return this.http.json(z.array(CertificateSchema), { path: '/api/nginx/certificates' });
  }

  /**
   * NPM runs the ACME challenge while answering, so this only returns once Let's Encrypt issued the certificate.
   * Since NPM 2.13 the body's `meta` takes no e-mail or terms flag (`additionalProperties: false` in
   * backend/schema/components/certificate-object.json @ v2.15.1, enforced by ajv): NPM registers with Let's Encrypt
   * using the e-mail of the signed-in user (backend/internal/certificate.js `create`, same tag).
   */
  async createCertificate(domain: string): Promise<Certificate> {
    await this.ensureToken();
    const json = { provider: 'letsencrypt', domain_names: [domain], meta: { dns_challenge: false } };
    return this.http.json(CertificateSchema, {
      method: 'POST',
      path: '/api/nginx/certificates',
      json,
      timeoutMs: 180_000,
    });
  }
}
