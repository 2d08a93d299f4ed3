// Nginx Proxy Manager API client (electron-free): bearer token from /api/tokens, proxy hosts, Let's Encrypt certificates.
import * as z from 'zod';
import { createHttpJson, HttpFailure, type HttpCall, type HttpJson } from '../../http/http-json';

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
 * The admin NPM creates on its first start is the user's ACME e-mail (INITIAL_ADMIN_EMAIL in compose/proxy.yml from
 * .env): since NPM 2.13 certbot registers with the owner user's e-mail (backend/internal/certificate.js v2.15.1),
 * and Let's Encrypt refuses example.com contacts.
 */
export const npmAdminEmail = (acmeEmail: string): string => acmeEmail;

export interface NpmOptions {
  url: string;
  /** NPM admin login: e-mail and the generated password (vault `proxy.admin_password`). */
  identity: string;
  secret: () => Promise<string | null>;
  timeoutMs?: number;
  fetch?: typeof fetch;
  onCall?: (call: HttpCall) => void;
}

export class NpmClient {
  private readonly http: HttpJson;
  private token: string | null = null;

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

  /** A login is a read as far as the proxy's configuration goes. */
  private async ensureToken(): Promise<void> {
    if (this.token) return;
    const secret = await this.opts.secret();
    if (!secret)
      throw new HttpFailure(
        'unauthorized',
        'Nginx Proxy Manager',
        undefined,
        'No Nginx Proxy Manager password is stored.',
        'Run setup with the reverse proxy turned on, which generates it.',
      );
    const res = await this.http.json(TokenSchema, {
      method: 'POST',
      path: '/api/tokens',
      json: { identity: this.opts.identity, secret },
      write: false,
    });
    this.token = 'token' in res ? res.token : res.result.token;
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
