// Lists containers with one GET /containers/json: the call `stack.status` makes, without loading dockerode's module
// graph (ssh2, grpc, protobufjs), which would cost a CLI status several times the call itself. A plain socket takes an
// HTTP/1.0 GET (http10-get.ts, no node:http); a TLS engine goes through node:https, loaded only then.
import type { Agent as HttpsAgent } from 'node:https';
import type Docker from 'dockerode';
import { http10Get, type PlainAnswer } from './http10-get';

/** Where the engine listens, as dockerOptionsFor (docker-endpoint.ts) resolves DOCKER_HOST. */
export type EngineAddress =
  | { socketPath: string }
  | { host: string; port: number; tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer; agent?: HttpsAgent } };

/** Same query and answer as dockerode's listContainers (Engine API GET /containers/json, `all` and `filters`). */
export async function listContainersVia(
  address: EngineAddress,
  opts: { all?: boolean; filters?: Record<string, string[]> },
  timeoutMs = 30_000,
): Promise<Docker.ContainerInfo[]> {
  const query = new URLSearchParams();
  if (opts.all) query.set('all', 'true');
  if (opts.filters) query.set('filters', JSON.stringify(opts.filters));
  const path = `/containers/json?${query}`;
  const answer =
    'socketPath' in address
      ? await http10Get({ path: address.socketPath }, path, timeoutMs)
      : address.tls
        ? await httpsGet({ host: address.host, port: address.port, ...address.tls }, path, timeoutMs)
        : await http10Get({ host: address.host, port: address.port }, path, timeoutMs);
  if (answer.status !== 200) throw new Error(`(HTTP code ${answer.status}) ${answer.body.slice(0, 300).trim()}`);
  let list: unknown;
  try {
    list = JSON.parse(answer.body);
  } catch (err) {
    throw new Error(`the engine answered /containers/json with invalid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(list)) throw new Error('the engine answered /containers/json with something other than a list');
  return list as Docker.ContainerInfo[];
}

/** A GET to a tcp:// engine with TLS, through node:https (loaded for this case only). */
async function httpsGet(
  target: { host: string; port: number; ca?: Buffer; cert?: Buffer; key?: Buffer; agent?: HttpsAgent },
  path: string,
  timeoutMs: number,
): Promise<PlainAnswer> {
  const { request } = await import('node:https');
  return new Promise((resolve, reject) => {
    const req = request(
      { ...target, path, method: 'GET', headers: { accept: 'application/json' }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)));
    req.on('error', reject);
    req.end();
  });
}
