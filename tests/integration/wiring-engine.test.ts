// Bad input through a tiny local HTTP server: unreachable, 401, 500, malformed JSON and timeouts each give a link row
// with its cause and fix, and apply stops before anything that depends on the failing service.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNzbgetClient } from '../../src/core/wiring/clients/nzbget-client';
import { createQbittorrentClient } from '../../src/core/wiring/clients/qbittorrent-client';
import { applyWiring } from '../../src/core/wiring/engine/apply-wiring';
import { runLinkTests } from '../../src/core/wiring/engine/link-tests';
import { renderLinksTable } from '../../src/cli/commands/links';
import { nzbgetLinkTest } from '../../src/core/wiring/steps/nzbget-steps';
import { qbittorrentLinkTest, qbittorrentSteps } from '../../src/core/wiring/steps/qbittorrent-steps';
import type { WiringStep } from '../../src/core/wiring/wiring-types';

type Fault = '401' | '500' | 'malformed' | 'timeout';
const seen: { fault: string; method: string; path: string }[] = [];
let server: Server;
let base: string;
let closedPort: number;

/** `/<fault>/…`: every service path under a prefix that picks the fault. Logins succeed unless the fault is about them. */
function answer(fault: Fault, path: string, res: import('node:http').ServerResponse): void {
  if (fault === 'timeout') return; // never answers: the client's timeout must fire
  if (fault === '500') return void res.writeHead(500).end('Internal Server Error: database is locked');
  if (fault === '401') return void res.writeHead(401, { 'www-authenticate': 'Basic realm="NZBGet"' }).end();
  // malformed: logins and text calls work, JSON answers are broken.
  if (path === '/api/v2/auth/login') return void res.writeHead(200, { 'set-cookie': 'SID=abc; path=/' }).end('Ok.');
  if (path === '/api/v2/app/version') return void res.writeHead(200).end('v4.6.0');
  if (path === '/api/v2/app/webapiVersion') return void res.writeHead(200).end('2.9.3');
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"result": [tru');
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const [, fault = '', ...rest] = (req.url ?? '/').split('/');
    const path = `/${rest.join('/')}`;
    seen.push({ fault, method: req.method ?? 'GET', path });
    req.resume();
    req.on('end', () => answer(fault as Fault, path, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((r) => closed.close(() => r()));
});
afterAll(
  () =>
    new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
);

// A short client time limit only where the timeout is the point; elsewhere the default, so a loaded machine cannot flake.
const limit = (url: string) => (url.endsWith('/timeout') ? 400 : undefined);
const qbt = (url: string) =>
  qbittorrentLinkTest(
    createQbittorrentClient({ baseUrl: url, credential: { username: 'admin', password: 'pw' }, timeoutMs: limit(url) }),
  );
const nzb = (url: string) =>
  nzbgetLinkTest(
    createNzbgetClient({ baseUrl: url, credential: { username: 'ups', password: 'pw' }, timeoutMs: limit(url) }),
  );

const cases: { name: string; url: () => string; cause: RegExp; fix: RegExp }[] = [
  {
    name: 'unreachable',
    url: () => `http://127.0.0.1:${closedPort}`,
    cause: /unreachable .*ECONNREFUSED/,
    fix: /running and listening at http:\/\/127\.0\.0\.1:\d+/,
  },
  { name: '401', url: () => `${base}/401`, cause: /rejected the login/, fix: /password|ControlPassword/i },
  {
    name: '500',
    url: () => `${base}/500`,
    cause: /HTTP 500.*database is locked/,
    fix: /internal error: look at its logs/,
  },
  {
    name: 'malformed',
    url: () => `${base}/malformed`,
    cause: /unexpected content \(not JSON/,
    fix: /points at (qBittorrent|NZBGet) itself/,
  },
  {
    name: 'timeout',
    url: () => `${base}/timeout`,
    cause: /did not answer .* within 0\.4 s/,
    fix: /starting or is overloaded/,
  },
];

describe('link tests report cause and fix for each failure kind', () => {
  for (const c of cases) {
    it(`${c.name}: qBittorrent and NZBGet rows`, async () => {
      const table = await runLinkTests([qbt(c.url()), nzb(c.url())], { timeoutMs: 60_000 });
      expect(table.ok).toBe(false);
      for (const row of table.links) {
        expect(row.ok, row.to).toBe(false);
        expect(row.detail, row.to).toMatch(c.cause);
        expect(row.fix, row.to).toMatch(c.fix);
        expect(row.detail + (row.fix ?? ''), 'no secret in the row').not.toContain('pw');
      }
      const text = renderLinksTable(table);
      expect(text).toContain('2 of 2 links failed.');
      expect(text.match(/fix: /g)).toHaveLength(2);
    });
  }
});

describe('apply stops at the first failing dependency', () => {
  it('a 500 from qBittorrent fails its step, blocks every dependent, and writes nothing', async () => {
    const client = createQbittorrentClient({
      baseUrl: `${base}/500`,
      credential: { username: 'admin', password: 'pw' },
    });
    const touched: string[] = [];
    // Stands for the Arr-side step (7b's), which needs qBittorrent's categories to exist first.
    const arrDownloadClient: WiringStep = {
      id: 'radarr.download-client.qbittorrent',
      service: 'radarr',
      dependsOn: ['qbittorrent.categories'],
      plan: async () => (
        touched.push('plan'),
        [{ service: 'radarr', resource: 'download client', action: 'create', reason: 'missing' }]
      ),
      apply: async () => void touched.push('apply'),
    };
    seen.length = 0;
    const steps = [
      ...qbittorrentSteps(client, {
        savePath: '/data/torrents',
        categories: { radarr: 'movies' },
        username: 'admin',
        password: 'pw',
      }),
      arrDownloadClient,
    ];
    const result = await applyWiring(steps);
    expect(result.ok).toBe(false);
    expect(result.steps.map((s) => [s.id, s.status])).toEqual([
      ['qbittorrent.preferences', 'failed'],
      ['qbittorrent.categories', 'blocked'],
      ['radarr.download-client.qbittorrent', 'blocked'],
    ]);
    expect(result.steps[0]!.error!.message).toMatch(/HTTP 500/);
    expect(result.steps[2]!.error!.fix).toContain('qbittorrent.categories');
    expect(touched).toEqual([]);
    expect(seen.filter((r) => r.path !== '/api/v2/auth/login')).toEqual([]);
  });
});
