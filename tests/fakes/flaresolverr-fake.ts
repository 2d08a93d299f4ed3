// FlareSolverr's HTTP API as Prowlarr uses it (github.com/FlareSolverr/FlareSolverr @ v3.5.0): `POST /v1` and
// `GET /health`. src/flaresolverr_service.py: `cmd` is mandatory, `request.get` needs `url`, an unknown cmd is refused;
// any exception answers 500 `{status: "error", message: "Error: …"}` (controller_v1_endpoint sets __error_500__);
// a solved (or unchallenged) page answers 200 `{status: "ok", message, solution: {url, status, cookies, userAgent…}}`.
// `failSolving` models Chromium failing to load the page (no internet from the container).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FlareSolverrFake {
  url: string;
  requests: Record<string, unknown>[];
  failSolving: boolean;
  stop(): Promise<void>;
}

export async function startFlareSolverrFake(): Promise<FlareSolverrFake> {
  const fake: FlareSolverrFake = { url: '', requests: [], failSolving: false, stop: async () => undefined };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && req.url === '/health') return send(200, { status: 'ok' });
      if (req.method !== 'POST' || req.url !== '/v1')
        return send(404, { error: 'Not found: ' + req.url, status_code: 404 });
      let data: Record<string, unknown> = {};
      try {
        data = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        /* bottle's request.json is None for a non-JSON body: `data = request.json or {}` */
      }
      fake.requests.push(data);
      const now = Date.now();
      const error = (message: string) =>
        send(500, {
          status: 'error',
          message: `Error: ${message}`,
          startTimestamp: now,
          endTimestamp: now,
          version: '3.5.0',
        });
      if (data.cmd === undefined || data.cmd === null) return error("Request parameter 'cmd' is mandatory.");
      if (data.cmd !== 'request.get') return error(`Request parameter 'cmd' = '${String(data.cmd)}' is invalid.`);
      if (typeof data.url !== 'string') return error("Request parameter 'url' is mandatory in 'request.get' command.");
      if (fake.failSolving) return error('Error solving the challenge. net::ERR_NAME_NOT_RESOLVED');
      return send(200, {
        status: 'ok',
        message: 'Challenge not detected!',
        solution: { url: data.url, status: 200, headers: {}, response: '', cookies: [], userAgent: 'Mozilla/5.0' },
        startTimestamp: now,
        endTimestamp: now,
        version: '3.5.0',
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}
