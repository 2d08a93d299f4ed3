// FlareSolverr as Prowlarr's indexer proxy (when the stack runs it): the `flaresolverr` tag and a FlareSolverr proxy
// carrying it, planned and applied idempotently, plus a link test that is Prowlarr's own test of the proxy.
import type { ArrClient } from '../clients/arr-common';
import {
  buildProvider,
  findProvider,
  mergeProvider,
  providerDrift,
  type DesiredProvider,
} from '../clients/arr-common-providers';
import type { Provider, Tag } from '../clients/arr-common-schemas';
import type { PlannedChange, WiringStep } from '../wiring-types';
import { providerLinkTest } from './radarr-sonarr-common';
import type { ServiceWiring } from './radarr-sonarr-wiring';

/** The tag that routes an indexer through FlareSolverr: Prowlarr uses a proxy only for indexers sharing a tag with it. */
export const FLARESOLVERR_TAG = 'flaresolverr';
/** FlareSolverr as Prowlarr's container reaches it (compose/flaresolverr.yml: port 8191, not published). */
export const FLARESOLVERR_INTERNAL_URL = 'http://flaresolverr:8191/';
/** Prowlarr's own default (FlareSolverrSettings.cs: RequestTimeout = 60, allowed 1–180 seconds). */
export const FLARESOLVERR_TIMEOUT_S = 60;

const svc = 'prowlarr';
const STEP_ID = 'prowlarr.indexer-proxy.flaresolverr';

/**
 * Prowlarr (src/NzbDrone.Core/IndexerProxies/, v2.3.5.5327): IndexerProxyDefinition `Enable => Tags.Any()`, so an
 * untagged proxy is never validated, tested or used; with the tag it is validated (host not empty, requestTimeout
 * 1–180) and tested on save (FlareSolverr.cs `Test()` asks FlareSolverr to fetch Prowlarr's ping page).
 */
function desired(host: string, requestTimeout: number): DesiredProvider {
  return {
    name: 'FlareSolverr',
    implementation: 'FlareSolverr',
    settings: {},
    fields: { host, requestTimeout },
    secretFields: [],
  };
}

const tagIds = (p: Provider): number[] => (Array.isArray(p.tags) ? (p.tags as number[]) : []);

export function flaresolverrWiring(o: { client: ArrClient; host?: string; requestTimeout?: number }): ServiceWiring {
  const { client } = o;
  const want = desired(o.host ?? FLARESOLVERR_INTERNAL_URL, o.requestTimeout ?? FLARESOLVERR_TIMEOUT_S);
  const resource = 'indexer proxy FlareSolverr';
  const findTag = (tags: Tag[]) => tags.find((t) => (t.label ?? '').toLowerCase() === FLARESOLVERR_TAG);
  const drift = (existing: Provider, tag: Tag | undefined): string[] => [
    ...providerDrift(existing, want),
    ...(tag && tagIds(existing).includes(tag.id) ? [] : [`tag ${FLARESOLVERR_TAG}`]),
  ];

  const step: WiringStep = {
    id: STEP_ID,
    service: svc,
    dependsOn: [],
    async plan(): Promise<PlannedChange[]> {
      const tag = findTag(await client.tags());
      const existing = findProvider(await client.listProviders('indexerproxy'), want.name);
      const out: PlannedChange[] = [];
      if (!tag)
        out.push({
          service: svc,
          resource: `tag ${FLARESOLVERR_TAG}`,
          action: 'create',
          reason: `Prowlarr has no "${FLARESOLVERR_TAG}" tag (indexers with it are fetched through FlareSolverr).`,
        });
      if (!existing) {
        out.push({ service: svc, resource, action: 'create', reason: 'FlareSolverr is on, Prowlarr does not use it.' });
        return out;
      }
      const d = drift(existing, tag);
      out.push(
        d.length === 0
          ? { service: svc, resource, action: 'nothing', reason: 'Matches the stack (FlareSolverr is on).' }
          : { service: svc, resource, action: 'update', reason: `Differs in: ${d.join(', ')}.` },
      );
      return out;
    },
    async apply(changes, progress) {
      if (!changes.some((c) => c.action !== 'nothing')) return;
      const tag = findTag(await client.tags()) ?? (await client.addTag(FLARESOLVERR_TAG));
      const existing = findProvider(await client.listProviders('indexerproxy'), want.name);
      if (existing && drift(existing, tag).length === 0) return;
      progress({
        operationId: 'wiring',
        step: STEP_ID,
        current: 0,
        total: 1,
        message: 'Adding FlareSolverr to Prowlarr',
      });
      if (!existing) {
        const body = buildProvider(await client.providerTemplates('indexerproxy'), want, client.service);
        await client.createProvider('indexerproxy', { ...body, tags: [tag.id] });
      } else {
        const body = mergeProvider(existing, want, client.service);
        await client.updateProvider('indexerproxy', { ...body, tags: [...new Set([...tagIds(existing), tag.id])] });
      }
    },
  };
  const link = providerLinkTest({
    id: 'prowlarr->flaresolverr',
    from: 'prowlarr',
    to: 'flaresolverr',
    client,
    kind: 'indexerproxy',
    name: want.name,
  });
  return { steps: [step], links: [link] };
}
