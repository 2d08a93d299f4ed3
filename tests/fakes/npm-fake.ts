// Nginx Proxy Manager fake following tests/fixtures/recorded/npm (NPM's own schema examples): bearer token login,
// proxy hosts and Let's Encrypt certificates, refusing any body property outside NPM's create/update schemas.
import { readFileSync } from 'node:fs';
import { fixturePath } from './fixture-path';
import { RecordedFakeServer } from './recorded-fake-server';

type Json = Record<string, unknown>;
const recorded = (p: string) => JSON.parse(readFileSync(fixturePath(`recorded/npm/${p}`), 'utf8')) as unknown;

/** Keys of `backend/schema/paths/nginx/proxy-hosts/post.json` (additionalProperties: false). */
const proxyHostKeys = ['domain_names', 'forward_scheme', 'forward_host', 'forward_port', 'certificate_id', 'ssl_forced', 'hsts_enabled', 'hsts_subdomains', 'http2_support', 'block_exploits', 'caching_enabled', 'allow_websocket_upgrade', 'access_list_id', 'advanced_config', 'enabled', 'meta', 'locations'];
const certificateKeys = ['provider', 'nice_name', 'domain_names', 'meta'];

export interface NpmFake {
  server: RecordedFakeServer;
  hosts: Json[];
  certificates: Json[];
  /** Domains Let's Encrypt can validate (the others fail the HTTP-01 challenge). */
  reachableDomains: Set<string>;
}

export async function startNpmFake(identity: string, secret: string): Promise<NpmFake> {
  const server = new RecordedFakeServer('npm');
  const token = `token-${Math.random().toString(36).slice(2)}`;
  const fake: NpmFake = { server, hosts: [], certificates: [], reachableDomains: new Set() };
  let nextId = 1;
  const template = (recorded('proxy-hosts.json') as Json[])[0]!;
  const authed = (h: Record<string, unknown>) => h.authorization === `Bearer ${token}`;
  const denied = { status: 401, body: { error: { code: 401, message: 'No token provided' } } };
  const badRequest = (message: string) => ({ status: 400, body: { error: { code: 400, message } } });
  const checkKeys = (body: Json, allowed: string[], what: string) => {
    const extra = Object.keys(body).filter((k) => !allowed.includes(k));
    if (extra.length) throw new Error(`${what}: properties not in NPM's schema: ${extra.join(', ')}`);
  };

  server
    .route('POST', /^\/api\/tokens$/, (req) => {
      const b = JSON.parse(req.body) as Json;
      checkKeys(b, ['identity', 'secret', 'scope'], 'POST /api/tokens');
      if (b.identity !== identity || b.secret !== secret) return { status: 401, body: { error: { code: 401, message: 'Invalid password' } } };
      const example = (recorded('token.json') as { result: Json }).result;
      return { status: 200, body: { ...example, token, expires: new Date(Date.now() + 86_400_000).toISOString() } };
    })
    .route('GET', /^\/api\/nginx\/proxy-hosts$/, (req) => (authed(req.headers) ? { status: 200, body: fake.hosts } : denied))
    .route('POST', /^\/api\/nginx\/proxy-hosts$/, (req) => {
      if (!authed(req.headers)) return denied;
      const b = JSON.parse(req.body) as Json;
      checkKeys(b, proxyHostKeys, 'POST /api/nginx/proxy-hosts');
      for (const k of ['domain_names', 'forward_scheme', 'forward_host', 'forward_port']) if (b[k] === undefined) return badRequest(`data must have required property '${k}'`);
      const taken = fake.hosts.some((h) => (h.domain_names as string[]).some((d) => (b.domain_names as string[]).includes(d)));
      if (taken) return badRequest(`${(b.domain_names as string[]).join(', ')} is already in use`);
      const host = { ...template, ...b, id: nextId++, meta: { nginx_online: true, nginx_err: null } };
      fake.hosts.push(host);
      return { status: 201, body: host };
    })
    .route('PUT', /^\/api\/nginx\/proxy-hosts\/(\d+)$/, (req) => {
      if (!authed(req.headers)) return denied;
      const b = JSON.parse(req.body) as Json;
      checkKeys(b, proxyHostKeys, 'PUT /api/nginx/proxy-hosts/{id}');
      const i = fake.hosts.findIndex((h) => String(h.id) === req.params[0]);
      if (i < 0) return { status: 404, body: { error: { code: 404, message: 'Not Found' } } };
      fake.hosts[i] = { ...fake.hosts[i], ...b };
      return { status: 200, body: fake.hosts[i] };
    })
    .route('GET', /^\/api\/nginx\/certificates$/, (req) => (authed(req.headers) ? { status: 200, body: fake.certificates } : denied))
    .route('POST', /^\/api\/nginx\/certificates$/, (req) => {
      if (!authed(req.headers)) return denied;
      const b = JSON.parse(req.body) as Json;
      checkKeys(b, certificateKeys, 'POST /api/nginx/certificates');
      const domains = (b.domain_names as string[]) ?? [];
      if (!domains.every((d) => fake.reachableDomains.has(d))) return badRequest('Domains are invalid');
      const cert = { ...(recorded('certificate-created.json') as Json), id: nextId++, nice_name: domains[0], domain_names: domains, meta: { ...(b.meta as Json) } };
      fake.certificates.push(cert);
      return { status: 201, body: cert };
    });
  await server.start();
  return fake;
}
