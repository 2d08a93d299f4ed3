// In-process HTTP server for fakes that follow recorded real responses (Plex, plex.tv, Bazarr, NPM): only the routes
// registered here exist; any other request is answered 404 and recorded as a violation so the test fails.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallRecord, Fault } from './spec-fake-server';

export interface RecordedRequest {
  method: string;
  url: URL;
  params: string[];
  headers: IncomingMessage['headers'];
  body: string;
}

export interface RecordedReply {
  status: number;
  /** An object is sent as JSON; a string as-is. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

type Route = {
  method: string;
  pattern: RegExp;
  handle: (req: RecordedRequest) => RecordedReply | Promise<RecordedReply>;
};

export class RecordedFakeServer {
  readonly calls: CallRecord[] = [];
  readonly violations: string[] = [];
  fault: Fault | null = null;
  private readonly routes: Route[] = [];
  private server: Server | null = null;

  constructor(readonly name: string) {}

  route(method: string, pattern: RegExp, handle: Route['handle']): this {
    this.routes.push({ method, pattern, handle });
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  writes(): CallRecord[] {
    return this.calls.filter((c) => c.method !== 'GET');
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void (async () => {
          const url = new URL(req.url ?? '/', 'http://fake');
          const method = req.method ?? 'GET';
          const send = (r: RecordedReply) => {
            this.calls.push({ method, path: url.pathname, status: r.status });
            const isText = typeof r.body === 'string';
            const payload = r.body === undefined ? undefined : isText ? (r.body as string) : JSON.stringify(r.body);
            res.writeHead(r.status, {
              ...(payload !== undefined
                ? { 'content-type': r.contentType ?? (isText ? 'text/plain' : 'application/json') }
                : {}),
              ...r.headers,
            });
            res.end(payload);
          };
          const f = this.fault;
          if (f?.kind === 'hang') return;
          if (f?.kind === 'reset') return void req.socket.destroy();
          if (f?.kind === 'malformed')
            return send({ status: 200, body: '{"MediaContainer": {', contentType: 'application/json' });
          if (f?.kind === 'status') return send({ status: f.status, body: f.body ?? '' });
          const route = this.routes.find((r) => r.method === method && r.pattern.test(url.pathname));
          if (!route) {
            this.violations.push(`${this.name}: ${method} ${url.pathname} is not a recorded route`);
            return send({ status: 404, body: 'not recorded' });
          }
          const params = route.pattern.exec(url.pathname)!.slice(1);
          try {
            send(
              await route.handle({
                method,
                url,
                params,
                headers: req.headers,
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
          } catch (err) {
            this.violations.push(
              `${this.name}: ${method} ${url.pathname}: ${err instanceof Error ? err.message : String(err)}`,
            );
            send({ status: 500, body: 'fake failed' });
          }
        })();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
