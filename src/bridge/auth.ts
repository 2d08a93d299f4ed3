// Who may talk to the bridge (docs/decisions.md D12): the token holder, from our own origin, addressed by a loopback name.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { bridgeSessionCookie } from '../core/contract';

export type AuthVerdict =
  { ok: true; viaQuery: boolean } | { ok: false; status: 401 | 403; message: string; fix: string };

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Every value a header was sent with. Node keeps only the first Host/Origin/Authorization in `req.headers`, so a
 *  second one (the good one first, a foreign one after) would pass unseen; the raw list shows them all. */
export function rawHeaderValues(req: Pick<IncomingMessage, 'rawHeaders'>, name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
    if (req.rawHeaders[i]!.toLowerCase() === name) out.push(req.rawHeaders[i + 1]!);
  return out;
}

/** `url` is the request target already parsed by the caller (server.ts answers 400 when it cannot be). */
export function checkRequest(req: IncomingMessage, url: URL, token: string, port: number): AuthVerdict {
  const hosts = allowedHosts(port);
  const retry = `Open http://127.0.0.1:${port}/ exactly as printed by ups serve.`;
  // Host is checked first: a DNS-rebound name carries a valid cookie but a foreign Host.
  const host = rawHeaderValues(req, 'host');
  if (host.length > 1)
    return {
      ok: false,
      status: 403,
      message: `The request carries ${host.length} Host headers; exactly one is allowed.`,
      fix: retry,
    };
  if (host.length === 0 || !hosts.has(host[0]!)) {
    return { ok: false, status: 403, message: `Host ${JSON.stringify(host[0] ?? '')} is not this bridge.`, fix: retry };
  }
  // An Origin must be exactly our own, scheme included: "127.0.0.1:PORT" alone is no origin a browser sends.
  const origins = new Set([...hosts].map((h) => `http://${h}`));
  const origin = rawHeaderValues(req, 'origin');
  if (origin.length > 1 || (origin.length === 1 && !origins.has(origin[0]!))) {
    return {
      ok: false,
      status: 403,
      message: `Origin ${origin.join(', ')} may not call this bridge.`,
      fix: 'Use the page served by ups serve itself.',
    };
  }
  const unauthorized = (message: string): AuthVerdict => ({
    ok: false,
    status: 401,
    message,
    fix: 'Open the full URL printed by `ups serve`, including ?token=…',
  });
  const authorization = rawHeaderValues(req, 'authorization');
  if (authorization.length > 1) return unauthorized('The request carries more than one Authorization header.');
  const fromQuery = url.searchParams.getAll('token');
  if (fromQuery.length > 1) return unauthorized('The URL carries more than one token.');
  const fromHeader = bearer(authorization[0]);
  const fromCookies = cookies(req.headers.cookie, bridgeSessionCookie(port));
  if (fromQuery[0] !== undefined)
    return same(fromQuery[0], token) ? { ok: true, viaQuery: true } : unauthorized('Wrong session token.');
  if (fromHeader !== undefined)
    return same(fromHeader, token) ? { ok: true, viaQuery: false } : unauthorized('Wrong session token.');
  // Any other page on 127.0.0.1 (any port) can set a cookie of this name, so a planted one must not shadow ours.
  if (fromCookies.some((c) => same(c, token))) return { ok: true, viaQuery: false };
  return unauthorized(fromCookies.length ? 'Wrong session token.' : 'Missing session token.');
}

function bearer(h: string | undefined): string | undefined {
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

/** Every value of the named cookie, raw: we set the token unescaped (base64url needs no escaping), so nothing here
 *  is decoded — a malformed %-escape is simply a wrong token, never an exception. */
function cookies(header: string | undefined, name: string): string[] {
  const out: string[] = [];
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) out.push(part.slice(eq + 1).trim());
  }
  return out;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
