// Browser mode (`ups serve`): the contract over HTTP + server-sent events on loopback, behind a session token.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppService } from '../core/app/app-service';
import type { Logger } from '../core/log/logger';
import { BRIDGE_CALL_PREFIX, BRIDGE_EVENTS_PATH, BRIDGE_SESSION_COOKIE, type Envelope } from '../core/contract';
import { checkRequest } from './auth';
import { serveStatic } from './static-files';

export interface BridgeOptions {
  app: AppService;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest request body accepted, in bytes. */
  maxBody?: number;
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
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((req, res) => {
    res.once('finish', () => opts.log?.info({ method: req.method, path: (req.url ?? '/').split('?')[0]?.split(token).join('[REDACTED]'), status: res.statusCode }, 'request'));
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendEnvelope(res, 500, { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = checkRequest(req, token, port);
    if (!verdict.ok) {
      sendEnvelope(res, verdict.status, { ok: false, error: { code: verdict.status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', message: verdict.message, fix: verdict.fix } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith(BRIDGE_CALL_PREFIX)) return handleCall(req, res, decodeURIComponent(url.pathname.slice(BRIDGE_CALL_PREFIX.length)));
    if (url.pathname === BRIDGE_EVENTS_PATH) return handleEvents(req, res);
    if (req.method !== 'GET') {
      sendEnvelope(res, 405, { ok: false, error: { code: 'BAD_INPUT', message: `${req.method} is not allowed on ${url.pathname}.`, fix: `Use POST ${BRIDGE_CALL_PREFIX}<channel>.` } });
      return;
    }
    if (verdict.viaQuery) {
      // Trade the query token for a same-site cookie so assets and EventSource authenticate without it.
      res.setHeader('set-cookie', `${BRIDGE_SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    await serveStatic(opts.rendererDir, url.pathname, res);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      sendEnvelope(res, 405, { ok: false, error: { code: 'BAD_INPUT', message: `Calls use POST, not ${req.method}.`, fix: `POST a JSON body to ${BRIDGE_CALL_PREFIX}${channel}.` } });
      return;
    }
    let body: string;
    try {
      body = await readBody(req, maxBody);
    } catch (err) {
      sendEnvelope(res, 413, { ok: false, error: { code: 'BAD_INPUT', message: (err as Error).message, field: 'body', fix: `Send at most ${maxBody} bytes.` } });
      return;
    }
    let input: unknown = {};
    if (body.trim() !== '') {
      try {
        input = JSON.parse(body);
      } catch (err) {
        sendEnvelope(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: `The request body is not valid JSON: ${(err as Error).message}`, field: 'body', fix: 'Send a JSON object, e.g. {}.' } });
        return;
      }
    }
    const result = await opts.app.handle(channel, input);
    const status = result.ok ? 200 : result.error.code === 'UNKNOWN_CHANNEL' ? 404 : result.error.code === 'BAD_INPUT' ? 400 : 200;
    sendEnvelope(res, status, result);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = opts.app.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    req.on('close', () => {
      unsubscribe();
      streams.delete(res);
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
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendEnvelope(res: ServerResponse, status: number, env: Envelope<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(env));
}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit we keep draining (and drop) the rest, so the client gets our 413 instead of a reset.
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
    });
    req.on('end', () => (size > max ? reject(new Error(`The request body is larger than ${max} bytes.`)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}
