// Shared HTTP helper for every wiring client (electron-free): timeout, zod-checked answers, errors that say cause and fix.
import type { z } from 'zod';
import { UpsFailure, type ErrorCode } from '../contract';
import { fixAction, type FixAction } from '../contract/fix-action';

/** Why a call failed, for code that must react differently (e.g. a login that must never be retried). */
export type HttpFailureKind =
  'unreachable' | 'timeout' | 'unauthorized' | 'forbidden' | 'not-found' | 'server-error' | 'http-error' | 'malformed';

const codeFor: Record<HttpFailureKind, ErrorCode> = {
  unreachable: 'INTERNAL',
  timeout: 'INTERNAL',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  'not-found': 'NOT_FOUND',
  'server-error': 'INTERNAL',
  'http-error': 'INTERNAL',
  malformed: 'INTERNAL',
};

/** A failed call to a service. Message and fix never contain credentials (URLs are reduced to origin + path). */
export class HttpFailure extends UpsFailure {
  constructor(
    readonly kind: HttpFailureKind,
    readonly service: string,
    readonly status: number | undefined,
    message: string,
    fix: string,
    action?: FixAction,
  ) {
    super({ code: codeFor[kind], message, fix, ...(action ? { action } : {}) });
    this.name = 'HttpFailure';
  }
}

/** One request as seen by observers (tests count writes, bench counts calls). No bodies, no query: they may hold secrets. */
export interface HttpCall {
  service: string;
  method: string;
  path: string;
  status: number | null;
  write: boolean;
}

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Appended to the base URL, e.g. `/api/v2/app/version`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string> | [string, string][];
  /** Whether this call changes the service. Defaults to "method is not GET"; set it for POST reads (JSON-RPC, logins). */
  write?: boolean;
  timeoutMs?: number;
  /** Statuses handed back to the caller instead of thrown (e.g. 401 from a qBittorrent ≥5.2 login). */
  acceptStatus?: number[];
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface HttpJsonOptions {
  /** Human name used in messages, e.g. `qBittorrent`. */
  service: string;
  baseUrl: string;
  timeoutMs?: number;
  /** Sent with every request (API keys, cookies); a function so a cookie jar can change between calls. */
  headers?: () => Record<string, string>;
  /** Fix shown on 401/403, since only the client knows where its credential comes from. */
  authFix?: string;
  /** The action that goes with authFix (e.g. sign in to Plex again, replace the stored password). */
  authAction?: FixAction;
  fetch?: typeof fetch;
  onCall?: (call: HttpCall) => void;
}

export interface HttpJson {
  readonly service: string;
  /** Origin + path of the base URL, safe to show. */
  readonly where: string;
  send(req: HttpRequest): Promise<HttpResponse>;
  /** Sends, parses JSON and validates it; a mismatch is a `malformed` failure naming the first bad field. */
  json<S extends z.ZodType>(schema: S, req: HttpRequest): Promise<z.infer<S>>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export function createHttpJson(opts: HttpJsonOptions): HttpJson {
  const base = new URL(opts.baseUrl);
  const where = `${base.origin}${base.pathname.replace(/\/$/, '')}`;
  const doFetch = opts.fetch ?? fetch;
  const svc = opts.service;

  function urlFor(req: HttpRequest): URL {
    const url = new URL(base.pathname.replace(/\/$/, '') + req.path, base.origin);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    if (base.username) url.username = base.username;
    if (base.password) url.password = base.password;
    return url;
  }

  async function send(req: HttpRequest): Promise<HttpResponse> {
    const method = req.method ?? 'GET';
    const timeoutMs = req.timeoutMs ?? opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const shown = `${method} ${where}${req.path}`;
    const headers: Record<string, string> = {
      accept: 'application/json, text/plain;q=0.9',
      ...opts.headers?.(),
      ...req.headers,
    };
    let body: string | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] = 'application/json';
    } else if (req.form) {
      body = new URLSearchParams(req.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const url = urlFor(req);
    // fetch refuses URLs with credentials: move them into a Basic header (NZBGet's URL form user:pass@host).
    if (url.username || url.password) {
      headers.authorization ??= `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
      url.username = '';
      url.password = '';
    }
    const record = (status: number | null) =>
      opts.onCall?.({ service: svc, method, path: req.path, status, write: req.write ?? method !== 'GET' });

    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
      text = await res.text();
    } catch (err) {
      record(null);
      if (isTimeout(err)) {
        throw new HttpFailure(
          'timeout',
          svc,
          undefined,
          `${svc} did not answer ${shown} within ${timeoutMs / 1000} s.`,
          `${svc} may still be starting or is overloaded: wait a minute and try again; if it persists, check its logs.`,
        );
      }
      const cause = networkCause(err);
      throw new HttpFailure(
        'unreachable',
        svc,
        undefined,
        `${svc} is unreachable at ${where} (${cause}).`,
        `Check that ${svc} is running and listening at ${where} (the dashboard shows the stack; start it if it is stopped), then try again.`,
        fixAction('stack.up'),
      );
    }
    record(res.status);
    if (req.acceptStatus?.includes(res.status) || (res.status >= 200 && res.status < 300))
      return { status: res.status, headers: res.headers, text };

    const snippet = text.replace(/\s+/g, ' ').trim().slice(0, 160);
    const detail = snippet ? `: ${snippet}` : '';
    if (res.status === 401)
      throw new HttpFailure(
        'unauthorized',
        svc,
        401,
        `${svc} rejected the credentials for ${shown} (HTTP 401).`,
        opts.authFix ?? `Check the ${svc} credentials stored for this install.`,
        opts.authAction,
      );
    if (res.status === 403)
      throw new HttpFailure(
        'forbidden',
        svc,
        403,
        `${svc} refused ${shown} (HTTP 403)${detail}.`,
        opts.authFix ?? `Check the ${svc} credentials and that this computer is allowed to reach its API.`,
        opts.authAction,
      );
    if (res.status === 404)
      throw new HttpFailure(
        'not-found',
        svc,
        404,
        `${svc} has no ${shown} (HTTP 404).`,
        `Check that ${where} points at ${svc} and that its version is a supported one.`,
      );
    if (res.status >= 500)
      throw new HttpFailure(
        'server-error',
        svc,
        res.status,
        `${svc} failed on ${shown} (HTTP ${res.status})${detail}.`,
        `${svc} reported an internal error: look at its logs, restart it, then try again.`,
      );
    throw new HttpFailure(
      'http-error',
      svc,
      res.status,
      `${svc} answered ${shown} with HTTP ${res.status}${detail}.`,
      `Check that ${where} points at ${svc} and that its version is a supported one.`,
    );
  }

  async function json<S extends z.ZodType>(schema: S, req: HttpRequest): Promise<z.infer<S>> {
    const res = await send(req);
    const shown = `${req.method ?? 'GET'} ${where}${req.path}`;
    const badAnswer = (why: string) =>
      new HttpFailure(
        'malformed',
        svc,
        res.status,
        `${svc} answered ${shown} with unexpected content (${why}).`,
        `Check that ${where} points at ${svc} itself (not a proxy or login page) and that its version is a supported one.`,
      );
    let data: unknown;
    try {
      data = JSON.parse(res.text);
    } catch {
      throw badAnswer(`not JSON: ${JSON.stringify(res.text.slice(0, 60))}`);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badAnswer(issue ? `${issue.path.map(String).join('.') || 'body'}: ${issue.message}` : 'invalid shape');
    }
    return parsed.data;
  }

  return { service: svc, where, send, json };
}

function isTimeout(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

/** undici hides the socket error in `cause`; show its code (ECONNREFUSED, ENOTFOUND, …) when there is one. */
function networkCause(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return err instanceof Error ? err.message : String(err);
}
