// Indexers on the Arr fakes, for the chain check: Prowlarr's own indexers (list, add, test) and the copies Prowlarr's
// application sync puts into Radarr/Sonarr (list). Rules from Prowlarr (the mirror holds up to v2.3.5.5327; the image
// pins 2.5.2.5491, same files):
// - src/NzbDrone.Core/Indexers/IndexerBase.cs `Test()`: a test is the indexer's own request to its site; a failure is a
//   ValidationFailure list (the Servarr 400 body, `failures()`); here the site is any URL in the `baseUrl` field and
//   "answers" means an HTTP 2xx, which is what a Torznab/Cardigann caps request needs first.
// - src/NzbDrone.Core/Applications/Radarr/Radarr.cs (Sonarr/Sonarr.cs alike) `BuildRadarrIndexer`: the synced copy is
//   named "<name> (Prowlarr)", Torznab (torrent) or Newznab (usenet), enableRss/enableAutomaticSearch follow the
//   indexer's Enable and app profile, fields baseUrl = "<ProwlarrUrl>/<id>/", apiPath = "/api", apiKey = Prowlarr's key.
import type { ArrFake } from './arr-fake';
import { failures, fieldValue } from './arr-fake-checks';

type Json = Record<string, unknown>;

export interface IndexerFakes {
  /** Prowlarr's indexers as stored. */
  prowlarr: Json[];
  /** What Prowlarr's sync put into each Arr. */
  synced: { radarr: Json[]; sonarr: Json[] };
  /** Prowlarr's application sync (System → Tasks → Application Indexer Sync): copies every indexer to each fullSync app. */
  sync(): void;
}

async function siteAnswers(url: unknown): Promise<string | null> {
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return 'Base URL is not a valid URL';
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return res.ok
      ? null
      : `Unable to connect to indexer, check the log above the ValidationFailure for more details. HTTP ${res.status}`;
  } catch (err) {
    return `Unable to connect to indexer: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`;
  }
}

export function addIndexerFakes(fakes: Record<'radarr' | 'sonarr' | 'prowlarr', ArrFake>): IndexerFakes {
  const out: IndexerFakes = {
    prowlarr: [],
    synced: { radarr: [], sonarr: [] },
    sync() {
      for (const app of ['radarr', 'sonarr'] as const) {
        const implementation = app === 'radarr' ? 'Radarr' : 'Sonarr';
        const link = fakes.prowlarr.state.applications.find((a) => a.implementation === implementation);
        if (!link || link.syncLevel !== 'fullSync') continue;
        const prowlarrUrl = String(fieldValue(link, 'prowlarrUrl') ?? 'http://prowlarr:9696');
        out.synced[app] = out.prowlarr.map((ix) => ({
          id: Number(ix.id),
          name: `${String(ix.name)} (Prowlarr)`,
          enableRss: ix.enable === true,
          enableAutomaticSearch: ix.enable === true,
          enableInteractiveSearch: ix.enable === true,
          implementation: ix.protocol === 'usenet' ? 'Newznab' : 'Torznab',
          configContract: ix.protocol === 'usenet' ? 'NewznabSettings' : 'TorznabSettings',
          protocol: ix.protocol,
          fields: [
            { name: 'baseUrl', value: `${prowlarrUrl.replace(/\/+$/, '')}/${String(ix.id)}/` },
            { name: 'apiPath', value: '/api' },
          ],
          tags: [],
        }));
      }
    },
  };
  let nextId = 1;
  fakes.prowlarr.server
    .on('GET /api/v1/indexer', () => ({ status: 200, body: out.prowlarr }))
    .on('POST /api/v1/indexer', async (req) => {
      const body = req.body as Json;
      // Like every provider save (ProviderControllerBase): an enabled indexer is tested first.
      const problem = body.enable === true ? await siteAnswers(fieldValue(body, 'baseUrl')) : null;
      if (problem) return failures([problem], 'BaseUrl');
      const stored = { ...body, id: nextId++ };
      out.prowlarr.push(stored);
      return { status: 200, body: stored };
    })
    .on('POST /api/v1/indexer/test', async (req) => {
      const problem = await siteAnswers(fieldValue(req.body as Json, 'baseUrl'));
      return problem ? failures([problem], 'BaseUrl') : { status: 200 };
    })
    .on('DELETE /api/v1/indexer/{id}', (req) => {
      out.prowlarr = out.prowlarr.filter((x) => String(x.id) !== req.pathParams.id);
      return { status: 200 };
    });
  for (const app of ['radarr', 'sonarr'] as const)
    fakes[app].server.on('GET /api/v3/indexer', () => ({ status: 200, body: out.synced[app] }));
  return out;
}
