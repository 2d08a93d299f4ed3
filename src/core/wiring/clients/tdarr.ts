// Tdarr's server API as far as the dashboard needs it: the nodes connected to the server.
// GET /api/v2/get-nodes answers an object keyed by node id; each node carries _id, nodeName, remoteAddress,
// nodePaused, workerLimits {transcodecpu, transcodegpu, healthcheckcpu, healthcheckgpu} and workers (keyed by worker
// id). Tdarr's server is closed source and its bundled Swagger leaves this answer untyped: the route and shape are
// from github.com/homeylab/tdarr-exporter @ 90c6026 (internal/config/config.go TdarrNodePath "/api/v2/get-nodes",
// fetched with GET in internal/client/client.go; a captured answer in internal/collector/testdata/nodes.json; notes
// in docs/metrics-internals.md). Hence the schema below is loose: only the fields we show, each optional.
import * as z from 'zod';
import type { TdarrNode } from '../../contract';
import { createHttpJson, type HttpCall, type HttpJson } from '../../http/http-json';

const Limits = z.object({
  transcodecpu: z.number(),
  transcodegpu: z.number(),
  healthcheckcpu: z.number(),
  healthcheckgpu: z.number(),
});

const NodeSchema = z.looseObject({
  _id: z.string(),
  nodeName: z.string().optional(),
  remoteAddress: z.string().optional(),
  nodePaused: z.boolean().optional(),
  workerLimits: z.looseObject(Limits.shape).optional(),
  workers: z.record(z.string(), z.unknown()).optional(),
});
const NodesSchema = z.record(z.string(), NodeSchema);

export interface TdarrClientOptions {
  /** http://<engine host>:<tdarr web port> */
  url: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  onCall?: (call: HttpCall) => void;
}

export class TdarrClient {
  private readonly http: HttpJson;

  constructor(opts: TdarrClientOptions) {
    this.http = createHttpJson({
      service: 'Tdarr',
      baseUrl: opts.url,
      timeoutMs: opts.timeoutMs,
      fetch: opts.fetch,
      onCall: opts.onCall,
      authFix:
        'Tdarr asks for an API key (its "auth" setting is on): turn authentication off in Tdarr → Options, or list the nodes in Tdarr itself.',
    });
  }

  /** The nodes connected to the server, sorted by name (a node that left is no longer listed by Tdarr). */
  async nodes(): Promise<TdarrNode[]> {
    const raw = await this.http.json(NodesSchema, { path: '/api/v2/get-nodes' });
    return Object.entries(raw)
      .map(([key, n]) => ({
        id: n._id || key,
        name: n.nodeName ?? n._id,
        address: n.remoteAddress ?? null,
        paused: n.nodePaused ?? false,
        workerLimits: n.workerLimits
          ? {
              transcodeCpu: n.workerLimits.transcodecpu,
              transcodeGpu: n.workerLimits.transcodegpu,
              healthcheckCpu: n.workerLimits.healthcheckcpu,
              healthcheckGpu: n.workerLimits.healthcheckgpu,
            }
          : null,
        activeWorkers: Object.keys(n.workers ?? {}).length,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
