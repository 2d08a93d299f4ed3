// Nginx Proxy Manager fake following tests/fixtures/recorded/npm (NPM's own schema examples): bearer token login,
// proxy hosts and Let's Encrypt certificates; every request body is validated with ajv against NPM's own JSON schemas
// (tests/fakes/npm-schema-validator.ts) and refused with NPM's 400 when NPM would refuse it.
import { readFileSync } from 'node:fs';
import { fixturePath } from './fixture-path';
import { npmBodyError } from './npm-schema-validator';
import { RecordedFakeServer, type RecordedReply } from './recorded-fake-server';

type Json = Record<string, unknown>;
const recorded = (p: string) => JSON.parse(readFileSync(fixturePath(`recorded/npm/${p}`), 'utf8')) as unknown;

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
  /**
   * NPM's routes validate the body first (`apiValidator(getValidationSchema(path, method), req.body)`) and its error
   * handler answers `{ error: { code: 400, message } }` (backend/app.js @ v2.15.1). The refusal is also recorded as a
   * violation: our client must never send a body NPM refuses.
   */
  const checked = (operation: string, raw: string): { body: Json } | { refused: RecordedReply } => {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return { refused: badRequest('Unexpected token in JSON') };
    }
    const error = npmBodyError(operation, body);
    if (error === null) return { body: body as Json };
    server.violations.push(`npm: ${operation} body refused by NPM's schema: ${error}`);
    return { refused: badRequest(error) };
  };

  /**
   * What the database gives back. NPM's ajv coerces while trying every `anyOf` branch, so an integer
   * `certificate_id` reaches NPM as the text "5" (common.json: integer or "new"); the integer column
   * (backend/migrations/20180618015850_initial.js @ v2.15.1) stores and answers it as a number again.
   */
  const stored = (b: Json): Json =>
    typeof b.certificate_id === 'string' && /^\d+$/.test(b.certificate_id)
      ? { ...b, certificate_id: Number(b.certificate_id) }
      : b;

  server
    .route('POST', /^\/api\/tokens$/, (req) => {
      const c = checked('POST /tokens', req.body);
      if ('refused' in c) return c.refused;
      const b = c.body;
      if (b.identity !== identity || b.secret !== secret)
        return { status: 401, body: { error: { code: 401, message: 'Invalid password' } } };
      const example = (recorded('token.json') as { result: Json }).result;
      return { status: 200, body: { ...example, token, expires: new Date(Date.now() + 86_400_000).toISOString() } };
    })
    .route('GET', /^\/api\/nginx\/proxy-hosts$/, (req) =>
      authed(req.headers) ? { status: 200, body: fake.hosts } : denied,
    )
    .route('POST', /^\/api\/nginx\/proxy-hosts$/, (req) => {
      if (!authed(req.headers)) return denied;
      const c = checked('POST /nginx/proxy-hosts', req.body);
      if ('refused' in c) return c.refused;
      const b = c.body;
      const taken = fake.hosts.some((h) =>
        (h.domain_names as string[]).some((d) => (b.domain_names as string[]).includes(d)),
      );
      if (taken) return badRequest(`${(b.domain_names as string[]).join(', ')} is already in use`);
      const host = { ...template, ...stored(b), id: nextId++, meta: { nginx_online: true, nginx_err: null } };
      fake.hosts.push(host);
      return { status: 201, body: host };
    })
    .route('PUT', /^\/api\/nginx\/proxy-hosts\/(\d+)$/, (req) => {
      if (!authed(req.headers)) return denied;
      const c = checked('PUT /nginx/proxy-hosts/{hostID}', req.body);
      if ('refused' in c) return c.refused;
      const b = c.body;
      const i = fake.hosts.findIndex((h) => String(h.id) === req.params[0]);
      if (i < 0) return { status: 404, body: { error: { code: 404, message: 'Not Found' } } };
      fake.hosts[i] = { ...fake.hosts[i], ...stored(b) };
      return { status: 200, body: fake.hosts[i] };
    })
    .route('GET', /^\/api\/nginx\/certificates$/, (req) =>
      authed(req.headers) ? { status: 200, body: fake.certificates } : denied,
    )
    .route('POST', /^\/api\/nginx\/certificates$/, (req) => {
      if (!authed(req.headers)) return denied;
      const c = checked('POST /nginx/certificates', req.body);
      if ('refused' in c) return c.refused;
      const b = c.body;
      const domains = (b.domain_names as string[]) ?? [];
      if (!domains.every((d) => fake.reachableDomains.has(d))) return badRequest('Domains are invalid');
      const cert = {
        ...(recorded('certificate-created.json') as Json),
        id: nextId++,
        nice_name: domains[0],
        domain_names: domains,
        meta: { ...(b.meta as Json) },
      };
      fake.certificates.push(cert);
      return { status: 201, body: cert };
    });
  await server.start();
  return fake;
}
