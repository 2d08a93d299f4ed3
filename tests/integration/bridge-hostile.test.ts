// Hostile requests against the real bridge on loopback: malformed %-escapes in path and cookie, bad
// Origin/Host (duplicates included), HEAD, slow headers and bodies, event-stream caps, follow without a stream, and
// two servers' cookies in one browser jar. Bounded: a few hundred requests, every wait capped.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../src/bridge/server';
import { openEventStream, rawRequest, type RawReply } from '../helpers/raw-http';
import { uniqueProject } from '../helpers/require-env';
import { createTestApp } from '../helpers/test-app';

const INDEX = '<!doctype html><title>ups hostile</title>';
let renderer: string;
let bridge: RunningBridge;

beforeAll(async () => {
  renderer = await mkdtemp(join(tmpdir(), 'ups-t-hostile-renderer-'));
  await writeFile(join(renderer, 'index.html'), INDEX);
  bridge = await startBridge({ app: createTestApp({ project: uniqueProject('hostile') }), rendererDir: renderer });
});
afterAll(async () => bridge?.close());

const hostLine = (b: RunningBridge = bridge) => `Host: 127.0.0.1:${b.port}`;
const bearer = () => `Authorization: Bearer ${bridge.token}`;
const cookieName = (b: RunningBridge = bridge) => `ups_session_${b.port}`;

function get(path: string, headers: string[], method = 'GET', b: RunningBridge = bridge): Promise<RawReply> {
  return rawRequest(b.port, [`${method} ${path} HTTP/1.1`, ...headers, 'Connection: close']);
}
function post(path: string, headers: string[], body = '{}'): Promise<RawReply> {
  return rawRequest(
    bridge.port,
    [
      `POST ${path} HTTP/1.1`,
      ...headers,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ],
    { body: [body] },
  );
}
const errorOf = (r: RawReply) =>
  (JSON.parse(r.body) as { ok: false; error: { code: string; message: string; field?: string; fix?: string } }).error;

async function stillServing(): Promise<void> {
  const r = await post('/api/call/app.info', [hostLine(), bearer()]);
  expect(r.status).toBe(200);
}

describe('malformed %-escapes', () => {
  // Pieces of a path: plain text, good escapes, and every way an escape can be broken.
  const piece = fc.oneof(
    fc.constantFrom('a', 'index.html', 'app.info', '..', '.', '~', '-'),
    fc.constantFrom('%41', '%2F', '%25', '%20', '%C3%A9'),
    fc.constantFrom('%', '%4', '%G1', '%zz', '%%', '%C3', '%C3%28', '%E0%A4%A', '%FF', '%ED%A0%80', '%F0%9F%98', '%00'),
  );
  const prefix = fc.constantFrom('/', '/api/call/', '/api/events/', '/assets/', '/api/');
  const credentials = fc.constantFrom('none', 'bearer', 'cookie', 'bad-cookie', 'bad-bearer');
  const headersFor = (c: string): string[] =>
    c === 'bearer'
      ? [bearer()]
      : c === 'cookie'
        ? [`Cookie: ${cookieName()}=${bridge.token}`]
        : c === 'bad-cookie'
          ? [`Cookie: ${cookieName()}=%E0%A4%A${bridge.token}; other=%zz`]
          : c === 'bad-bearer'
            ? ['Authorization: Bearer %zz%']
            : [];
  const decodes = (path: string) => {
    try {
      decodeURIComponent(new URL(path, 'http://127.0.0.1').pathname);
      return true;
    } catch {
      return false;
    }
  };

  it('a path that does not decode answers 400 naming the path, whatever else the request carries; never 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        prefix,
        fc.array(piece, { minLength: 1, maxLength: 5 }),
        credentials,
        fc.constantFrom('GET', 'POST', 'HEAD'),
        async (pre, pieces, cred, method) => {
          const path = pre + pieces.join('/');
          const r =
            method === 'POST'
              ? await post(path, [hostLine(), ...headersFor(cred)])
              : await get(path, [hostLine(), ...headersFor(cred)], method);
          expect(r.status).not.toBe(500);
          expect(r.status).toBeGreaterThan(0);
          if (!decodes(path)) {
            expect(r.status).toBe(400);
            if (method !== 'HEAD') expect(errorOf(r)).toMatchObject({ code: 'BAD_INPUT', field: 'path' });
          } else if (cred === 'none' || cred.startsWith('bad')) {
            expect(r.status).toBe(401);
          }
        },
      ),
      { numRuns: 150 },
    );
    await stillServing();
  });

  it('a malformed cookie (alone, duplicated, or planted before the good one) is 401 or ignored, never 500', async () => {
    for (const cookie of [
      `${cookieName()}=%`,
      `${cookieName()}=%E0%A4%A`,
      `${cookieName()}=%zz; ${cookieName()}=%G1`,
      `=%zz`,
      `${cookieName()}`,
      `;;;=;`,
    ]) {
      const r = await get('/', [hostLine(), `Cookie: ${cookie}`]);
      expect(r.status).toBe(401);
      expect(errorOf(r).code).toBe('UNAUTHORIZED');
    }
    // Another page on 127.0.0.1 can plant a same-name cookie; ours still counts.
    const planted = await get('/', [hostLine(), `Cookie: ${cookieName()}=%E0%A4%A; ${cookieName()}=${bridge.token}`]);
    expect(planted.status).toBe(200);
  });

  it('a %-escaped traversal is decoded once and stays inside the renderer folder', async () => {
    for (const path of [
      '/..%2F..%2Fetc%2Fpasswd',
      '/%2E%2E/%2E%2E/etc/passwd',
      '/..%5C..%5Cetc%5Cpasswd',
      '/%00index.html',
    ]) {
      const r = await get(path, [hostLine(), bearer()]);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('root:');
    }
  });
});

describe('Origin and Host', () => {
  it('refuses an Origin without its scheme, or with the wrong one, or a path, or a second Origin', async () => {
    const port = bridge.port;
    for (const origins of [
      [`127.0.0.1:${port}`],
      [`localhost:${port}`],
      [`https://127.0.0.1:${port}`],
      [`http://127.0.0.1:${port}/`],
      ['null'],
      [''],
      [`http://127.0.0.1:${port}`, 'http://evil.example'],
      [`http://127.0.0.1:${port}`, `http://127.0.0.1:${port}`],
    ]) {
      const r = await post('/api/call/app.info', [hostLine(), bearer(), ...origins.map((o) => `Origin: ${o}`)]);
      expect(r.status, origins.join(' + ')).toBe(403);
      expect(errorOf(r).code).toBe('FORBIDDEN');
    }
    for (const good of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      expect((await post('/api/call/app.info', [hostLine(), bearer(), `Origin: ${good}`])).status).toBe(200);
    }
  });

  it('refuses a duplicated Host even with the good one first, and any foreign or missing Host', async () => {
    const port = bridge.port;
    const cases = [
      [hostLine(), 'Host: evil.example'],
      ['Host: evil.example', hostLine()],
      [hostLine(), hostLine()],
      [hostLine(), `host: localhost:${port}`],
      [`Host: 127.0.0.1:${port}.evil.example`],
      [`Host: 127.0.0.1`],
      [`Host: 127.0.0.1:${port + 1}`],
    ];
    for (const hosts of cases) {
      const r = await post('/api/call/app.info', [...hosts, bearer()]);
      expect(r.status, hosts.join(' + ')).toBe(403);
      expect(errorOf(r).message).toMatch(/Host/);
    }
    // HTTP/1.1 without any Host: Node's parser refuses it before our handler (400), never a 200.
    const none = await rawRequest(port, ['GET / HTTP/1.1', bearer(), 'Connection: close']);
    expect([400, 403]).toContain(none.status);
    await stillServing();
  });
});

describe('HEAD', () => {
  it('serves static files with the GET headers and no body', async () => {
    const cookie = `Cookie: ${cookieName()}=${bridge.token}`;
    for (const path of ['/', '/index.html']) {
      const g = await get(path, [hostLine(), cookie]);
      const h = await get(path, [hostLine(), cookie], 'HEAD');
      expect(h.status).toBe(200);
      expect(h.body).toBe('');
      expect(h.headers['content-type']).toBe(g.headers['content-type']);
      expect(h.headers['content-security-policy']).toBe(g.headers['content-security-policy']);
      expect(Number(h.headers['content-length'])).toBe(Buffer.byteLength(INDEX));
      expect(g.body).toBe(INDEX);
    }
    expect((await get('/nope.js', [hostLine(), cookie], 'HEAD')).status).toBe(404);
    expect((await get('/', [hostLine()], 'HEAD')).status).toBe(401);
  });

  it('refuses other methods on pages with 405 and says which are allowed', async () => {
    for (const method of ['PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const r = await get('/', [hostLine(), bearer()], method);
      expect(r.status).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
    }
  });
});

describe('slow clients', () => {
  let slow: RunningBridge;
  beforeAll(async () => {
    slow = await startBridge({
      app: createTestApp({ project: uniqueProject('hostile-slow') }),
      rendererDir: renderer,
      timeouts: { headersMs: 400, requestMs: 3_000, bodyMs: 400 },
    });
  });
  afterAll(async () => slow?.close());

  it('headers that never finish get 408 and a closed socket', async () => {
    // No blank line: the header block never ends.
    const r = await rawRequest(slow.port, [], {
      body: [`GET / HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\nX-Slow: 1\r\n`],
      waitMs: 8_000,
    });
    expect(r.status).toBe(408);
    expect(r.closed).toBe(true);
  });

  it('a call body that stops half way gets a 408 envelope and a closed socket', async () => {
    const head = [
      `POST /api/call/app.info HTTP/1.1`,
      `Host: 127.0.0.1:${slow.port}`,
      `Authorization: Bearer ${slow.token}`,
      'Content-Type: application/json',
      'Content-Length: 100',
    ];
    const r = await rawRequest(slow.port, head, { body: ['{"a":'], waitMs: 8_000 });
    expect(r.status).toBe(408);
    expect(r.closed).toBe(true);
    expect(errorOf(r)).toMatchObject({ code: 'BAD_INPUT', field: 'body' });
  });

  it('a body trickled byte by byte is cut at the deadline too (it is a total, not an idle, limit)', async () => {
    const body = '{"pad":"' + 'x'.repeat(40) + '"}';
    const head = [
      `POST /api/call/app.info HTTP/1.1`,
      `Host: 127.0.0.1:${slow.port}`,
      `Authorization: Bearer ${slow.token}`,
      'Content-Type: application/json',
      `Content-Length: ${body.length}`,
    ];
    const r = await rawRequest(slow.port, head, { body: [...body], gapMs: 50, waitMs: 8_000 });
    expect(r.status).toBe(408);
    expect(r.closed).toBe(true);
  });

  it('keeps serving after slow clients', async () => {
    const r = await rawRequest(
      slow.port,
      [
        `POST /api/call/app.info HTTP/1.1`,
        `Host: 127.0.0.1:${slow.port}`,
        `Authorization: Bearer ${slow.token}`,
        'Content-Length: 2',
        'Connection: close',
      ],
      { body: ['{}'] },
    );
    expect(r.status).toBe(200);
  });
});

describe('event streams and follows without one', () => {
  it('caps open event streams, refuses a reused or malformed subscriber id, and frees the slot on close', async () => {
    const capped = await startBridge({
      app: createTestApp({ project: uniqueProject('hostile-sse') }),
      rendererDir: renderer,
      maxStreams: 2,
    });
    try {
      const auth = { authorization: `Bearer ${capped.token}` };
      const a = await openEventStream(capped.port, auth, 'subscriber-aaaaaaaaaaaa');
      expect(a.status).toBe(200);
      expect((await openEventStream(capped.port, auth, 'subscriber-aaaaaaaaaaaa')).status).toBe(409);
      expect((await openEventStream(capped.port, auth, 'short')).status).toBe(400);
      expect((await openEventStream(capped.port, auth, 'bad%20id%20with%20spaces%20....')).status).toBe(400);
      const b = await openEventStream(capped.port, auth);
      expect(b.status).toBe(200);
      expect((await openEventStream(capped.port, auth, 'subscriber-cccccccccccc')).status).toBe(429);
      a.close();
      let again = await openEventStream(capped.port, auth, 'subscriber-cccccccccccc');
      // The close reaches the server asynchronously; bounded retry until the slot is free.
      for (let i = 0; again.status === 429 && i < 50; i++) {
        await new Promise((r) => setTimeout(r, 50));
        again = await openEventStream(capped.port, auth, 'subscriber-cccccccccccc');
      }
      expect(again.status).toBe(200);
      again.close();
      b.close();
    } finally {
      await capped.close();
    }
  });

  it('stack.logs.follow without a live event stream is refused before anything starts', async () => {
    for (const extra of [
      [],
      ['X-Ups-Subscriber: made-up-subscriber-id-0000'],
      ['X-Ups-Subscriber: a', 'X-Ups-Subscriber: b'],
    ]) {
      const r = await post(
        '/api/call/stack.logs.follow',
        [hostLine(), bearer(), ...extra],
        '{"service":"radarr","tail":1}',
      );
      expect(r.status).toBe(400);
      expect(errorOf(r)).toMatchObject({ code: 'BAD_INPUT', field: 'subscriber' });
    }
  });
});

describe('two servers in one browser', () => {
  it('each keeps its own session cookie: a jar holding both authenticates to both', async () => {
    const other = await startBridge({
      app: createTestApp({ project: uniqueProject('hostile-2') }),
      rendererDir: renderer,
    });
    try {
      // A browser's jar for host 127.0.0.1: cookies are not port-scoped, so a same-named cookie would be replaced.
      const jar = new Map<string, string>();
      for (const b of [bridge, other]) {
        const r = await get(`/?token=${b.token}`, [hostLine(b)], 'GET', b);
        expect(r.status).toBe(200);
        const [pair = ''] = (r.headers['set-cookie'] ?? '').split(';');
        const eq = pair.indexOf('=');
        jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
      expect(jar.size).toBe(2);
      const cookie = `Cookie: ${[...jar].map(([k, v]) => `${k}=${v}`).join('; ')}`;
      for (const b of [bridge, other]) expect((await get('/', [hostLine(b), cookie], 'GET', b)).status).toBe(200);
      // And one server's cookie is no key to the other.
      expect(
        (await get('/', [hostLine(other), `Cookie: ${cookieName(other)}=${bridge.token}`], 'GET', other)).status,
      ).toBe(401);
    } finally {
      await other.close();
    }
  });
});
