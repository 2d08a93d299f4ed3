// Browser mode (`ups serve`): the contract over HTTP + server-sent events on loopback, behind a session token.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppService } from '../core/app/app-service';
import type { Logger } from '../core/log/logger';
import {
  BRIDGE_CALL_PREFIX,
  BRIDGE_EVENTS_PATH,
  BRIDGE_SUBSCRIBER_HEADER,
  BRIDGE_SUBSCRIBER_PARAM,
  BRIDGE_SUBSCRIBER_PATTERN,
  bridgeSessionCookie,
  type Envelope,
  type UpsError,
} from '../core/contract';
import { checkRequest } from './auth';
import { BodyError, readBody } from './read-body';
import { serveStatic } from './static-files';

export interface BridgeTimeouts {
  /** Until the request headers are complete (Node answers 408 and closes). Default 10 s. */
  headersMs?: number;
  /** Until the whole request has arrived, body included (Node answers 408 and closes). Default 30 s. */
  requestMs?: number;
  /** Until a call's body has arrived (we answer 408 and close). Default 10 s. */
  bodyMs?: number;
}

export interface BridgeOptions {
  app: AppService;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest request body accepted, in bytes. */
  maxBody?: number;
  timeouts?: BridgeTimeouts;
  /** Event streams open at once (default 16); each is an App subscriber. */
  maxStreams?: number;
  /** One line per request: method, path (never the query, which may carry the token), status. */
  log?: Logger;
}

export interface RunningBridge {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

export async function startBridge(opts: BridgeOptions): Promise<RunningBridge> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const maxBody = opts.maxBody ?? 1024 * 1024;
  const maxStreams = opts.maxStreams ?? 16;
  const headersMs = opts.timeouts?.headersMs ?? 10_000;
  const requestMs = Math.max(opts.timeouts?.requestMs ?? 30_000, headersMs);
  const bodyMs = opts.timeouts?.bodyMs ?? 10_000;
  /** Live event streams by their subscriber id: follow-style calls bind to one and end with it. */
  const streams = new Map<string, ServerResponse>();
  let port = 0;

  const server = createServer(
    // Node checks the header and request deadlines on this interval (30 s by default): tighten it to match.
    {
      headersTimeout: headersMs,
      requestTimeout: requestMs,
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersMs / 4))),
    },
    (req, res) => {
      res.once('finish', () =>
        opts.log?.info(
          {
            method: req.method,
            path: (req.url ?? '/').split('?')[0]?.split(token).join('[REDACTED]'),
            status: res.statusCode,
          },
          'request',
        ),
      );
      handle(req, res).catch((err: unknown) => {
        if (!res.headersSent)
          sendEnvelope(res, 500, {
            ok: false,
            error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) },
          });
        else res.end();
      });
    },
  );

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Every decode happens here, first, and answers 400 on failure: nothing below sees a raw escape.
    const target = parseTarget(req.url);
    if (!target.ok) return sendError(res, 400, target.error);
    const { url, path } = target;
    const verdict = checkRequest(req, url, token, port);
    if (!verdict.ok) {
      return sendError(res, verdict.status, {
        code: verdict.status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN',
        message: verdict.message,
        fix: verdict.fix,
      });
    }
    if (path.startsWith(BRIDGE_CALL_PREFIX)) return handleCall(req, res, path.slice(BRIDGE_CALL_PREFIX.length));
    if (path === BRIDGE_EVENTS_PATH) return handleEvents(req, res, url);
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('allow', 'GET, HEAD');
      return sendError(res, 405, {
        code: 'BAD_INPUT',
        message: `${req.method} is not allowed on ${path}.`,
        fix: `Use GET for pages, POST ${BRIDGE_CALL_PREFIX}<channel> for calls.`,
      });
    }
    if (verdict.viaQuery) {
      // Trade the query token for a same-site cookie so assets and EventSource authenticate without it. The name
      // carries the port: cookies are not port-scoped, and a second `ups serve` must not overwrite this one.
      res.setHeader('set-cookie', `${bridgeSessionCookie(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    await serveStatic(opts.rendererDir, path, res, head);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return sendError(res, 405, {
        code: 'BAD_INPUT',
        message: `Calls use POST, not ${req.method}.`,
        fix: `POST a JSON body to ${BRIDGE_CALL_PREFIX}${channel}.`,
      });
    }
    let body: string;
    try {
      body = await readBody(req, maxBody, bodyMs);
    } catch (err) {
      if (!(err instanceof BodyError)) throw err;
      if (err.status === 408) {
        // A trickling body: answer, then drop the connection rather than wait for the rest.
        res.setHeader('connection', 'close');
        res.once('finish', () => req.socket.destroy());
        return sendError(res, 408, {
          code: 'BAD_INPUT',
          message: err.message,
          field: 'body',
          fix: 'Send the whole request body at once.',
        });
      }
      return sendError(res, 413, {
        code: 'BAD_INPUT',
        message: err.message,
        field: 'body',
        fix: `Send at most ${maxBody} bytes.`,
      });
    }
    let input: unknown = {};
    if (body.trim() !== '') {
      try {
        input = JSON.parse(body);
      } catch (err) {
        return sendError(res, 400, {
          code: 'BAD_INPUT',
          message: `The request body is not valid JSON: ${(err as Error).message}`,
          field: 'body',
          fix: 'Send a JSON object, e.g. {}.',
        });
      }
    }
    // The caller's subscriber counts only while its event stream is open here: a stale or made-up id binds nothing.
    const claimed = req.headers[BRIDGE_SUBSCRIBER_HEADER];
    const subscriber = typeof claimed === 'string' && streams.has(claimed) ? claimed : undefined;
    const result = await opts.app.handle(channel, input, { subscriber });
    sendEnvelope(res, result.ok ? 200 : statusFor(result.error.code), result);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET') {
      res.setHeader('allow', 'GET');
      return sendError(res, 405, {
        code: 'BAD_INPUT',
        message: `${req.method} is not allowed on ${BRIDGE_EVENTS_PATH}.`,
        fix: 'Open it with GET (EventSource).',
      });
    }
    const asked = url.searchParams.get(BRIDGE_SUBSCRIBER_PARAM);
    if (asked !== null && !BRIDGE_SUBSCRIBER_PATTERN.test(asked)) {
      return sendError(res, 400, {
        code: 'BAD_INPUT',
        field: BRIDGE_SUBSCRIBER_PARAM,
        message: `The ${BRIDGE_SUBSCRIBER_PARAM} id must be 16–64 letters, digits, - or _.`,
        fix: 'Use the page served by ups serve, which picks a valid id.',
      });
    }
    if (asked !== null && streams.has(asked)) {
      return sendError(res, 409, {
        code: 'BAD_INPUT',
        field: BRIDGE_SUBSCRIBER_PARAM,
        message: 'An event stream with this subscriber id is already open.',
        fix: 'Close the other stream first, or pick a new id.',
      });
    }
    if (streams.size >= maxStreams) {
      return sendError(res, 429, {
        code: 'LIMIT_REACHED',
        message: `At most ${maxStreams} event streams can be open at once.`,
        fix: 'Close other browser tabs showing this app, then reload.',
      });
    }
    const subscriber = asked ?? randomBytes(16).toString('base64url');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.set(subscriber, res);
    const unsubscribe = opts.app.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    res.once('close', () => {
      unsubscribe();
      streams.delete(subscriber);
      // The page is gone: whatever it followed stops with it.
      void opts.app.releaseSubscriber(subscriber);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    close: async () => {
      const ids = [...streams.keys()];
      for (const s of streams.values()) s.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all(ids.map((id) => opts.app.releaseSubscriber(id)));
    },
  };
}

type Target = { ok: true; url: URL; path: string } | { ok: false; error: UpsError };

/** The request target, parsed and percent-decoded once; a malformed one is the client's error (400), never ours. */
function parseTarget(raw: string | undefined): Target {
  let url: URL;
  try {
    url = new URL(raw ?? '/', 'http://127.0.0.1');
  } catch {
    return {
      ok: false,
      error: {
        code: 'BAD_INPUT',
        field: 'path',
        message: 'The request target is not a valid URL path.',
        fix: 'Open the URL printed by ups serve.',
      },
    };
  }
  try {
    return { ok: true, url, path: decodeURIComponent(url.pathname) };
  } catch {
    return {
      ok: false,
      error: {
        code: 'BAD_INPUT',
        field: 'path',
        message: `The path ${JSON.stringify(url.pathname.slice(0, 200))} has a malformed %-escape.`,
        fix: 'Escape "%" as %25, or open the URL printed by ups serve.',
      },
    };
  }
}

function statusFor(code: UpsError['code']): number {
  if (code === 'UNKNOWN_CHANNEL') return 404;
  if (code === 'BAD_INPUT') return 400;
  if (code === 'LIMIT_REACHED') return 429;
  return 200;
}

function sendError(res: ServerResponse, status: number, error: UpsError): void {
  sendEnvelope(res, status, { ok: false, error });
}

function sendEnvelope(res: ServerResponse, status: number, env: Envelope<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(env));
}
