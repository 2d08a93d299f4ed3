// The browser-mode bridge over real HTTP: token and origin rules, envelope errors for bad requests, SSE pushes.
import { mkdtemp, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppService } from '../../src/core/app/app-service';
import { startBridge, type RunningBridge } from '../../src/bridge/server';
import { createTestApp } from '../helpers/test-app';
import { uniqueProject } from '../helpers/require-env';

let bridge: RunningBridge;
let app: AppService;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        method: opts.method ?? 'GET',
        headers: { host: `127.0.0.1:${bridge.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const auth = () => ({ authorization: `Bearer ${bridge.token}` });
const call = (channel: string, body: string, headers: Record<string, string> = {}) =>
  request(`/api/call/${channel}`, {
    method: 'POST',
    headers: { ...auth(), 'content-type': 'application/json', ...headers },
    body,
  });

beforeAll(async () => {
  const renderer = await mkdtemp(join(tmpdir(), 'ups-renderer-'));
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>ups test</title>');
  app = createTestApp({ project: uniqueProject('bridge'), installRoot: '/srv/ups' });
  bridge = await startBridge({ app, rendererDir: renderer });
});

afterAll(async () => bridge?.close());

describe('bridge security', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(24);
  });

  it('rejects a request without a token with 401', async () => {
    for (const path of ['/', '/api/call/app.info']) {
      const r = await request(path, { method: path === '/' ? 'GET' : 'POST', body: path === '/' ? undefined : '{}' });
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('rejects a wrong token with 401', async () => {
    const r = await call('app.info', '{}', { authorization: 'Bearer nope' });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).error.message).toMatch(/wrong/i);
  });

  it('rejects a foreign Origin and a foreign Host with 403, even with the token', async () => {
    const o = await call('app.info', '{}', { origin: 'http://evil.example' });
    expect(o.status).toBe(403);
    expect(JSON.parse(o.body).error.code).toBe('FORBIDDEN');
    const h = await call('app.info', '{}', { host: `rebind.example:${bridge.port}` });
    expect(h.status).toBe(403);
  });

  it('serves the renderer for the tokened URL and trades the token for an HttpOnly cookie', async () => {
    const r = await request(`/?token=${bridge.token}`);
    expect(r.status).toBe(200);
    expect(r.body).toContain('ups test');
    expect(String(r.headers['set-cookie'])).toMatch(
      new RegExp(`^ups_session_${bridge.port}=.*HttpOnly.*SameSite=Strict`),
    );
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    const cookie = String(r.headers['set-cookie']).split(';')[0] ?? '';
    const again = await request('/', { headers: { cookie } });
    expect(again.status).toBe(200);
  });

  it('accepts its own origin', async () => {
    const r = await call('app.info', '{}', { origin: `http://127.0.0.1:${bridge.port}` });
    expect(r.status).toBe(200);
  });
});

describe('bridge calls', () => {
  it('answers app.info with the envelope', async () => {
    const r = await call('app.info', '{}');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({
      ok: true,
      value: { version: 'test', door: 'browser', installRoot: '/srv/ups' },
    });
  });

  it('answers malformed JSON with an envelope error naming the body, and keeps serving', async () => {
    const r = await call('app.info', '{"oops":');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'body' } });
    expect((await call('app.info', '{}')).status).toBe(200);
  });

  it('answers an unknown channel with 404 naming the channel and the valid ones', async () => {
    const r = await call('nope.nothing', '{}');
    expect(r.status).toBe(404);
    const e = JSON.parse(r.body).error;
    expect(e).toMatchObject({ code: 'UNKNOWN_CHANNEL', field: 'channel' });
    expect(e.fix).toContain('stack.status');
  });

  it('answers wrong input types with an error naming the field', async () => {
    const wrongType = JSON.parse((await call('app.info', '"a string"')).body);
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'input' } });
    expect(wrongType.error.fix).toContain('object');
    const extra = JSON.parse((await call('stack.status', '{"project":"other"}')).body);
    expect(extra.error.field).toBe('input');
    expect(extra.error.fix).toContain('project');
  });

  it('refuses GET on a call and oversized bodies', async () => {
    expect((await request('/api/call/app.info', { headers: auth() })).status).toBe(405);
    const big = await call('app.info', JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect((await call('app.info', '{}')).status).toBe(200);
  });

  it('streams published pushes to an authenticated event stream', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/api/events',
          headers: { host: `127.0.0.1:${bridge.port}`, ...auth() },
        },
        (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream');
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            buf += c;
            if (buf.includes('\n\n: connected') || buf.startsWith(': connected')) {
              app.publish({
                type: 'progress',
                progress: { operationId: 'op1', step: 'pull', current: 1, total: 2, message: 'half way' },
              });
            }
            const m = /data: (.*)\n\n/.exec(buf);
            if (m?.[1]) {
              req.destroy();
              resolve(m[1]);
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(JSON.parse(await received)).toEqual({
      type: 'progress',
      progress: { operationId: 'op1', step: 'pull', current: 1, total: 2, message: 'half way' },
    });
  });
});
