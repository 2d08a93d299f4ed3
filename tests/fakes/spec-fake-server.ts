// In-process HTTP server for spec-validating fakes: every request and every response goes through the service's
// OpenAPI file; anything undeclared is answered 400 and recorded, so the test that caused it fails.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenApiContract, SpecViolation, type MatchedRequest } from './openapi-contract';

export interface FakeRequest extends MatchedRequest {
  method: string;
  pathname: string;
  body: unknown;
  headers: IncomingMessage['headers'];
}

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * A response the spec does not declare but the real service sends (e.g. Arr's 400 list of validation failures from a
   * provider test). Must name where that shape was recorded; it is still sent as JSON.
   */
  offSpec?: string;
}

export type FakeHandler = (req: FakeRequest) => FakeReply | Promise<FakeReply>;

/** Faults a test can switch on to see how clients report a broken service. Deliberately off-spec. */
export type Fault =
  { kind: 'status'; status: number; body?: string } | { kind: 'malformed' } | { kind: 'hang' } | { kind: 'reset' };

export interface CallRecord {
  method: string;
  path: string;
  status: number;
}

export class SpecFakeServer {
  readonly calls: CallRecord[] = [];
  readonly violations: string[] = [];
  fault: Fault | null = null;
  /** Restricts `fault` to requests whose path contains this text (null = every request). */
  faultPath: string | null = null;
  private server: Server | null = null;
  private readonly handlers = new Map<string, FakeHandler>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly rawBody = new Set<string>();

  constructor(
    readonly contract: OpenApiContract,
    /** Checks credentials: true lets the request through, false answers 401, a number answers that status. */
    private readonly authorize: (req: IncomingMessage, url: URL) => boolean | number,
    /** GETs that change state (Seerr's `GET /settings/plex/library?enable=`), counted as writes. */
    private readonly writingGet: (path: string) => boolean = () => false,
  ) {}

  /**
   * An operation whose real service reads the raw body instead of its declared resource (Radarr's `POST /command`
   * deserialises into the command type): the path and query are still checked, the body is left to the handler.
   */
  acceptRawBody(key: string): this {
    this.rawBody.add(key);
    return this;
  }

  /** Registers the behaviour of one declared operation, keyed as `METHOD /spec/template`. */
  on(key: string, handler: FakeHandler): this {
    this.handlers.set(key, handler);
    return this;
  }

  get url(): string {
    const addr = this.server?.address() as AddressInfo | null;
    if (!addr) throw new Error('fake not started');
    return `http://127.0.0.1:${addr.port}`;
  }

  /** Non-GET requests received: the "writes" a second apply must not make. */
  writes(): CallRecord[] {
    return this.calls.filter((c) => c.method !== 'GET' || this.writingGet(c.path));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const send = (
      status: number,
      payload?: string,
      type = 'application/json',
      headers: Record<string, string> = {},
    ) => {
      this.calls.push({ method, path: url.pathname, status });
      res.writeHead(status, { ...(payload === undefined ? {} : { 'content-type': type }), ...headers });
      res.end(payload);
    };
    if (this.fault && (this.faultPath === null || url.pathname.includes(this.faultPath))) {
      const f = this.fault;
      if (f.kind === 'hang') return void this.hanging.add(res);
      if (f.kind === 'reset') return void req.socket.destroy();
      if (f.kind === 'malformed') return send(200, '{"id": 1, "name": "trunc', 'application/json');
      return send(f.status, f.body ?? '', 'text/plain');
    }
    const auth = this.authorize(req, url);
    if (auth !== true) return send(auth === false ? 401 : auth); // the Arr services answer 401 with an empty body
    let match: MatchedRequest;
    let body: unknown;
    try {
      body = raw.length ? JSON.parse(raw) : undefined;
      match = this.checkRequest(method, url, body);
    } catch (err) {
      return send(400, JSON.stringify({ message: this.record(err, `${method} ${url.pathname}`) }));
    }
    const key = `${match.operation.method} ${match.operation.template}`;
    const handler = this.handlers.get(key);
    if (!handler) {
      return send(
        501,
        JSON.stringify({ message: this.record(new SpecViolation(`fake has no behaviour for ${key}`), key) }),
      );
    }
    try {
      const reply = await handler({ ...match, method, pathname: url.pathname, body, headers: req.headers });
      if (!reply.offSpec) this.contract.checkResponse(match, reply.status, reply.body);
      send(
        reply.status,
        reply.body === undefined ? undefined : JSON.stringify(reply.body),
        'application/json',
        reply.headers,
      );
    } catch (err) {
      send(500, JSON.stringify({ message: this.record(err, key) }));
    }
  }

  /** The contract's check; for an `acceptRawBody` operation a body off its declared resource is let through. */
  private checkRequest(method: string, url: URL, body: unknown): MatchedRequest {
    try {
      return this.contract.checkRequest(method, url.pathname, url.searchParams, body);
    } catch (err) {
      if (this.rawBody.size === 0 || body === undefined) throw err;
      let bare: MatchedRequest;
      try {
        bare = this.contract.checkRequest(method, url.pathname, url.searchParams, undefined);
      } catch {
        throw err;
      }
      if (!this.rawBody.has(`${bare.operation.method} ${bare.operation.template}`)) throw err;
      return bare;
    }
  }

  private record(err: unknown, where: string): string {
    const message = err instanceof Error ? err.message : String(err);
    this.violations.push(`${where}: ${message}`);
    return message;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
