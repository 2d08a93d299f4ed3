// qBittorrent ≥5.2 login style (204 / 401, cookie QBT_SID_<port>), which Debian's 4.5.2 cannot show, against a local server.
// The server follows qBittorrent release-5.2.0 webapplication.cpp / authcontroller.cpp as documented in
// tests/fixtures/specs/README-download-clients.md; the 4.x style is covered by the real-qbittorrent integration test.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UpsFailure } from '../../contract';
import { createQbittorrentClient } from './qbittorrent-client';

let server: Server;
let base: string;
let logins: string[] = [];
let mode: 'v52' | 'banned' | 'html' = 'v52';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url === '/api/v2/auth/login') {
        logins.push(body);
        if (mode === 'banned')
          return void res
            .writeHead(403)
            .end('Your IP address has been banned after too many failed authentication attempts.');
        if (mode === 'html')
          return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>proxy sign-in</html>');
        const pw = new URLSearchParams(body).get('password');
        if (pw === 'right' || pw === 'initial')
          return void res
            .writeHead(204, { 'set-cookie': `QBT_SID_8080=s-${pw}; HttpOnly; path=/; SameSite=Strict` })
            .end();
        return void res.writeHead(401).end();
      }
      const cookie = req.headers.cookie ?? '';
      if (!/^QBT_SID_8080=s-(right|initial)$/.test(cookie)) return void res.writeHead(403).end('Forbidden');
      if (req.url === '/api/v2/app/version') return void res.writeHead(200).end('v5.2.0');
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  logins = [];
  mode = 'v52';
});

async function failureOf(p: Promise<unknown>): Promise<UpsFailure> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpsFailure);
  return err as UpsFailure;
}

describe('qBittorrent client, 5.2 login style', () => {
  it('accepts 204 and replays the QBT_SID_<port> cookie', async () => {
    const client = createQbittorrentClient({ baseUrl: base, credential: { username: 'admin', password: 'right' } });
    expect(await client.version()).toBe('v5.2.0');
    expect(await client.loggedInWith()).toBe('credential');
    expect(logins).toHaveLength(1);
  });

  it('a 401 is a clear error after one attempt, and later calls do not try again', async () => {
    const client = createQbittorrentClient({ baseUrl: base, credential: { username: 'admin', password: 'wrong' } });
    const f = await failureOf(client.version());
    expect(f.error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('rejected the login') });
    expect(f.error.fix).toContain('Not retried automatically');
    await failureOf(client.preferences());
    await failureOf(client.categories());
    expect(logins).toHaveLength(1);
  });

  it('falls back once to the initial password and says so', async () => {
    const client = createQbittorrentClient({
      baseUrl: base,
      credential: { username: 'admin', password: 'wrong' },
      initial: { username: 'admin', password: 'initial' },
    });
    expect(await client.loggedInWith()).toBe('initial');
    expect(await client.version()).toBe('v5.2.0');
    expect(logins).toHaveLength(2);
  });

  it('reports a ban (403 at login) with how long to wait', async () => {
    mode = 'banned';
    const f = await failureOf(
      createQbittorrentClient({ baseUrl: base, credential: { username: 'admin', password: 'right' } }).version(),
    );
    expect(f.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('banned') });
    expect(f.error.fix).toContain('1 hour');
    expect(logins).toHaveLength(1);
  });

  it('refuses a login answer that is neither success nor refusal', async () => {
    mode = 'html';
    const f = await failureOf(
      createQbittorrentClient({ baseUrl: base, credential: { username: 'admin', password: 'right' } }).version(),
    );
    expect(f.message).toContain('neither success nor refusal');
    expect(logins).toHaveLength(1);
  });
});
