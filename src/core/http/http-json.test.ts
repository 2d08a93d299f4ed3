// The shared HTTP helper against a tiny real local server: every failure kind carries a cause and a fix.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createHttpJson, HttpFailure, type HttpCall } from './http-json';

let server: Server;
let base: string;
const seen: { method?: string; url?: string; auth?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      const path = (req.url ?? '').split('?')[0];
      if (path === '/ok')
        return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"version":"1.2"}');
      if (path === '/401') return void res.writeHead(401).end('Unauthorized');
      if (path === '/500') return void res.writeHead(500).end('boom inside');
      if (path === '/html') return void res.writeHead(200).end('<html>login</html>');
      if (path === '/slow') return void setTimeout(() => res.writeHead(200).end('{}'), 2_000);
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const Version = z.object({ version: z.string() });

async function failureOf(p: Promise<unknown>): Promise<HttpFailure> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpFailure);
  return err as HttpFailure;
}

describe('createHttpJson', () => {
  it('validates a good answer, sends form bodies and reports each call', async () => {
    const calls: HttpCall[] = [];
    const http = createHttpJson({ service: 'Demo', baseUrl: base, onCall: (c) => calls.push(c) });
    expect(await http.json(Version, { path: '/ok' })).toEqual({ version: '1.2' });
    await http.send({ method: 'POST', path: '/ok', form: { a: 'b c' } });
    expect(seen.at(-1)?.body).toBe('a=b+c');
    expect(calls).toEqual([
      { service: 'Demo', method: 'GET', path: '/ok', status: 200, write: false },
      { service: 'Demo', method: 'POST', path: '/ok', status: 200, write: true },
    ]);
  });

  it('turns URL credentials into a Basic header and never shows them', async () => {
    const http = createHttpJson({ service: 'Demo', baseUrl: `http://u:s3cret@127.0.0.1:${new URL(base).port}` });
    await http.send({ path: '/ok' });
    expect(seen.at(-1)?.auth).toBe(`Basic ${Buffer.from('u:s3cret').toString('base64')}`);
    const f = await failureOf(http.send({ path: '/500' }));
    expect(JSON.stringify(f.error)).not.toContain('s3cret');
  });

  it('names 401, 500, 404, malformed JSON and schema mismatches', async () => {
    const http = createHttpJson({ service: 'Demo', baseUrl: base, authFix: 'Re-enter the Demo key.' });
    const unauthorized = await failureOf(http.send({ path: '/401' }));
    expect([unauthorized.kind, unauthorized.error.code, unauthorized.error.fix]).toEqual([
      'unauthorized',
      'UNAUTHORIZED',
      'Re-enter the Demo key.',
    ]);
    const server500 = await failureOf(http.send({ path: '/500' }));
    expect(server500.kind).toBe('server-error');
    expect(server500.message).toContain('boom inside');
    expect((await failureOf(http.send({ path: '/nope' }))).kind).toBe('not-found');
    const html = await failureOf(http.json(Version, { path: '/html' }));
    expect(html.kind).toBe('malformed');
    expect(html.message).toContain('not JSON');
    const shape = await failureOf(http.json(z.object({ build: z.number() }), { path: '/ok' }));
    expect(shape.message).toContain('build');
    expect(shape.error.fix).toMatch(/points at Demo/);
  });

  it('hands accepted statuses back instead of throwing', async () => {
    const http = createHttpJson({ service: 'Demo', baseUrl: base });
    expect((await http.send({ path: '/401', acceptStatus: [401] })).status).toBe(401);
  });

  it('reports timeouts and unreachable services with a fix', async () => {
    const slow = await failureOf(
      createHttpJson({ service: 'Demo', baseUrl: base, timeoutMs: 200 }).send({ path: '/slow' }),
    );
    expect(slow.kind).toBe('timeout');
    expect(slow.error.fix).toBeTruthy();
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const down = await failureOf(
      createHttpJson({ service: 'Demo', baseUrl: `http://127.0.0.1:${port}` }).send({ path: '/ok' }),
    );
    expect(down.kind).toBe('unreachable');
    expect(down.message).toContain('ECONNREFUSED');
    expect(down.error.fix).toContain(`127.0.0.1:${port}`);
  });
});
