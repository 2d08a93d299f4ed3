// A strict Tdarr server fake on loopback: the two read routes the app uses, refusing what Tdarr's clients show it
// does not take. Tdarr's server is closed source; each rule cites the public record it comes from.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fixturePath } from './fixture-path';

export interface TdarrFake {
  url: string;
  port: number;
  /** Method + path of every request, in order. */
  calls: string[];
  close(): Promise<void>;
}

/** The recorded answer (tests/fixtures/recorded/tdarr/SOURCE.md). */
export const recordedNodes = (): Record<string, unknown> =>
  JSON.parse(readFileSync(fixturePath('recorded/tdarr/get-nodes.json'), 'utf8')) as Record<string, unknown>;

export async function startTdarrFake(
  opts: { nodes?: Record<string, unknown>; apiKey?: string } = {},
): Promise<TdarrFake> {
  const nodes = opts.nodes ?? recordedNodes();
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    calls.push(`${req.method} ${path}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    // With Tdarr's `auth` on, clients send the key as x-api-key (tdarr-exporter internal/client/client.go @ 90c6026).
    // The status Tdarr answers without it is not public; 401 is what the app's HTTP helper treats as "unauthorized".
    if (opts.apiKey && req.headers['x-api-key'] !== opts.apiKey) return send(401, { error: 'unauthorized' });
    // Both routes are read with GET (tdarr-exporter internal/config/config.go TdarrNodePath/TdarrStatusPath, fetched by
    // DoRequest with http.MethodGet); any other method or path is refused.
    if (req.method !== 'GET') return send(404, { error: `Cannot ${req.method} ${path}` });
    if (path === '/api/v2/get-nodes') return send(200, nodes);
    if (path === '/api/v2/status') return send(200, { status: 'good', version: '2.28.01', uptime: 1 });
    return send(404, { error: `Cannot GET ${path}` });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
