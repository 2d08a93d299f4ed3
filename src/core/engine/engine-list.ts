// Lists containers with one GET /containers/json over node:http: the call `stack.status` makes, without loading
// dockerode's module graph (ssh2, grpc, protobufjs), which would cost a CLI status several times the call itself.
import { request } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type Docker from 'dockerode';

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
  const tls = 'tls' in address ? address.tls : undefined;
  const target = 'socketPath' in address ? address : { host: address.host, port: address.port };
  // node:https (and TLS with it) loads only for a tcp:// engine with TLS: most engines answer on a local socket.
  const send = tls ? (await import('node:https')).request : request;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        ...target,
        ...(tls ?? {}),
        path: `/containers/json?${query}`,
        method: 'GET',
        headers: { accept: 'application/json' },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200)
            return reject(new Error(`(HTTP code ${res.statusCode}) ${body.slice(0, 300).trim()}`));
          try {
            const list: unknown = JSON.parse(body);
            if (!Array.isArray(list))
              return reject(new Error('the engine answered /containers/json with something other than a list'));
            resolve(list as Docker.ContainerInfo[]);
          } catch (err) {
            reject(new Error(`the engine answered /containers/json with invalid JSON: ${(err as Error).message}`));
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)));
    req.on('error', reject);
    req.end();
  });
}
