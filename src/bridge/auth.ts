// Who may talk to the bridge (DESIGN D12): the token holder, from our own origin, addressed by a loopback name.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BRIDGE_SESSION_COOKIE } from '../core/contract';

export type AuthVerdict = { ok: true; viaQuery: boolean } | { ok: false; status: 401 | 403; message: string; fix: string };

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function checkRequest(req: IncomingMessage, token: string, port: number): AuthVerdict {
  const hosts = allowedHosts(port);
  // Host is checked first: a DNS-rebound name carries a valid cookie but a foreign Host.
  if (!req.headers.host || !hosts.has(req.headers.host)) {
    return { ok: false, status: 403, message: `Host ${JSON.stringify(req.headers.host ?? '')} is not this bridge.`, fix: `Open http://127.0.0.1:${port}/ exactly as printed by ups serve.` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.has(origin.replace(/^http:\/\//, '')) ) {
    return { ok: false, status: 403, message: `Origin ${origin} may not call this bridge.`, fix: 'Use the page served by ups serve itself.' };
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const fromQuery = url.searchParams.get('token');
  const fromHeader = bearer(req.headers.authorization);
  const fromCookie = cookie(req.headers.cookie, BRIDGE_SESSION_COOKIE);
  const presented = fromQuery ?? fromHeader ?? fromCookie;
  if (!presented || !same(presented, token)) {
    return { ok: false, status: 401, message: presented ? 'Wrong session token.' : 'Missing session token.', fix: 'Open the full URL printed by `ups serve`, including ?token=…' };
  }
  return { ok: true, viaQuery: fromQuery !== null };
}

function bearer(h: string | undefined): string | undefined {
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
