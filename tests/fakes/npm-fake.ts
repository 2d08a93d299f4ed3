// Nginx Proxy Manager fake following tests/fixtures/recorded/npm (NPM's own schema examples): setup mode and the first
// user, bearer token login, proxy hosts and Let's Encrypt certificates; every request body is validated with ajv against
// NPM's own JSON schemas (tests/fakes/npm-schema-validator.ts) and refused with NPM's 400 when NPM would refuse it.
// Behaviour rules cite github.com/NginxProxyManager/nginx-proxy-manager @ v2.15.1.
import { readFileSync } from 'node:fs';
import { fixturePath } from './fixture-path';
import { npmBodyError } from './npm-schema-validator';
import { RecordedFakeServer, type RecordedReply } from './recorded-fake-server';

type Json = Record<string, unknown>;
const recorded = (p: string) => JSON.parse(readFileSync(fixturePath(`recorded/npm/${p}`), 'utf8')) as unknown;

interface NpmUser {
  id: number;
  email: string;
  name: string;
  nickname: string;
  roles: string[];
  is_disabled: boolean;
  /** The `auth` row of type "password" (NPM keeps a bcrypt hash; the fake compares the clear text). */
  password: string | null;
}

export interface NpmFake {
  server: RecordedFakeServer;
  /** Active users; empty = setup mode (backend/setup.js `isSetup`). */
  users: NpmUser[];
  /** What NPM writes to its log (`docker logs`) for the calls seen here, so a test can look for secrets in it. */
  log: string[];
  hosts: Json[];
  certificates: Json[];
  /** Domains Let's Encrypt can validate (the others fail the HTTP-01 challenge). */
  reachableDomains: Set<string>;
}

export interface NpmFakeOptions {
  /**
   * A user that exists at start, as if created by INITIAL_ADMIN_* or an earlier setup. Without it NPM starts as
   * 2.15.1 does with neither variable set: no user, setup mode (backend/setup.js `setupDefaultUser` returns early).
   */
  admin?: { email: string; secret: string };
}

export async function startNpmFake(opts: NpmFakeOptions = {}): Promise<NpmFake> {
  const server = new RecordedFakeServer('npm');
  const fake: NpmFake = { server, users: [], log: [], hosts: [], certificates: [], reachableDomains: new Set() };
  let nextId = 1;
  let nextUserId = 1;
  /** token → user id. */
  const tokens = new Map<string, number>();
  const template = (recorded('proxy-hosts.json') as Json[])[0]!;
  const addUser = (u: Omit<NpmUser, 'id'>): NpmUser => {
    const user = { ...u, id: nextUserId++ };
    fake.users.push(user);
    return user;
  };
  if (opts.admin)
    addUser({
      email: opts.admin.email,
      name: 'Administrator',
      nickname: 'Admin',
      roles: ['admin'],
      is_disabled: false,
      password: opts.admin.secret,
    });
  const userOf = (h: Record<string, unknown>): NpmUser | undefined => {
    // backend/lib/express/jwt.js takes `Bearer <token>`; backend/lib/access.js loads the token's user (active only).
    const m = /^Bearer (\S+)$/.exec(String(h.authorization ?? ''));
    const id = m ? tokens.get(m[1]!) : undefined;
    return fake.users.find((u) => u.id === id && !u.is_disabled);
  };
  const authed = (h: Record<string, unknown>) => userOf(h) !== undefined;
  // No or unknown token: `access.can` throws PermissionError, status 403 "Permission Denied" (backend/lib/access.js,
  // backend/lib/error.js), answered as `{error: {code, message}}` by the error handler in backend/app.js.
  const denied = { status: 403, body: { error: { code: 403, message: 'Permission Denied' } } };
  const badRequest = (message: string) => ({ status: 400, body: { error: { code: 400, message } } });
  const userJson = (u: NpmUser) => ({
    id: u.id,
    created_on: '2020-01-30T09:41:04.000Z',
    modified_on: '2020-01-30T09:41:04.000Z',
    is_disabled: u.is_disabled,
    email: u.email,
    name: u.name,
    nickname: u.nickname,
    avatar: '//www.gravatar.com/avatar/00000000000000000000000000000000?default=mm',
    roles: u.roles,
  });
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
    // Health: `setup` is whether an active user exists (backend/routes/main.js, backend/setup.js `isSetup`).
    .route('GET', /^\/api\/$/, () => ({
      status: 200,
      body: { status: 'OK', setup: fake.users.length > 0, version: { major: 2, minor: 15, revision: 1 } },
    }))
    .route('POST', /^\/api\/users$/, (req) => {
      let raw: unknown;
      try {
        raw = JSON.parse(req.body);
      } catch {
        return badRequest('Unexpected token in JSON');
      }
      const setupMode = fake.users.length === 0;
      // backend/routes/users.js: in setup mode no access check; the body gets is_disabled=false and the admin role
      // BEFORE it is validated against paths/users/post.json; the only log line is this fixed text.
      if (setupMode && raw !== null && typeof raw === 'object') {
        fake.log.push('Creating a new user in setup mode');
        const b = raw as Json;
        b.is_disabled = false;
        if (typeof b.roles !== 'object' || b.roles === null) b.roles = [];
        if (!(b.roles as string[]).includes('admin')) (b.roles as string[]).push('admin');
      }
      const c = checked('POST /users', JSON.stringify(raw));
      if ('refused' in c) return c.refused;
      // Outside setup mode internalUser.create asks `access.can("users:create")`: anonymous → 403.
      if (!setupMode && !userOf(req.headers)?.roles.includes('admin')) return denied;
      const b = c.body as { email: string; name: string; nickname: string; roles?: string[]; is_disabled?: boolean };
      const auth = (c.body.auth ?? null) as { type?: unknown; secret?: unknown } | null;
      // backend/internal/user.js `create`: the e-mail is stored as sent; the auth row keeps `type` and `secret`.
      const user = addUser({
        email: b.email,
        name: b.name,
        nickname: b.nickname,
        roles: b.roles ?? [],
        is_disabled: Boolean(b.is_disabled),
        password: auth?.type === 'password' && typeof auth.secret === 'string' ? auth.secret : null,
      });
      return { status: 201, body: userJson(user) };
    })
    .route('POST', /^\/api\/tokens$/, (req) => {
      const c = checked('POST /tokens', req.body);
      if ('refused' in c) return c.refused;
      const b = c.body as { identity: string; secret: string };
      // backend/internal/token.js `getTokenFromEmail`: the user is found by `identity.toLowerCase().trim()` with `=`
      // (case-sensitive in the default SQLite), active only; a wrong password or unknown user is an AuthError, HTTP 400.
      const user = fake.users.find((u) => u.email === b.identity.toLowerCase().trim() && !u.is_disabled);
      if (!user || user.password === null) return badRequest('Invalid email or password');
      if (user.password !== b.secret)
        return {
          status: 400,
          body: { error: { code: 400, message: 'Invalid email or password', message_i18n: 'error.invalid-auth' } },
        };
      const token = `token-${Math.random().toString(36).slice(2)}`;
      tokens.set(token, user.id);
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
