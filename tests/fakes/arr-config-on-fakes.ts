// arr.yml's wiring steps pointed at the spec-validating fakes, with the base wiring's steps they depend on (root
// folders, Plex libraries, Bazarr's Arr links) standing in as no-ops: what the arr.yml tests and the bench apply.
import type { ArrConfig } from '../../src/core/contract/arr-config';
import { PlexServerClient } from '../../src/core/plex/plex-server-client';
import { BazarrClient } from '../../src/core/wiring/clients/bazarr';
import { prowlarrClient } from '../../src/core/wiring/clients/prowlarr';
import { radarrClient } from '../../src/core/wiring/clients/radarr';
import { sonarrClient } from '../../src/core/wiring/clients/sonarr';
import { arrConfigWiring } from '../../src/core/wiring/steps/arr-config-wiring';
import type { WiringStep } from '../../src/core/wiring/wiring-types';
import type { ArrFake } from './arr-fake';
import type { BazarrFake } from './bazarr-fake';
import type { PlexLibraryFake } from './plex-library-fake';

type ArrApp = 'radarr' | 'sonarr' | 'prowlarr';

export interface ArrConfigOnFakes {
  config: ArrConfig;
  fakes: Record<ArrApp, ArrFake>;
  keys: Record<ArrApp, string>;
  bazarr: BazarrFake;
  plex: PlexLibraryFake;
  plexToken: string;
  /** The Plex client id the steps send (the bench and the tests name themselves). */
  clientId: string;
  secret: (name: string) => Promise<string | null>;
  /** false: leave the base wiring's steps out, so the plan shows what depends on them as blocked. */
  standIns?: boolean;
}

export function arrConfigStepsOnFakes(o: ArrConfigOnFakes): WiringStep[] {
  const access = (app: ArrApp) => ({ url: o.fakes[app].url, apiKey: o.keys[app] });
  const part = arrConfigWiring({
    config: o.config,
    clients: {
      radarr: radarrClient(access('radarr')),
      sonarr: sonarrClient(access('sonarr')),
      prowlarr: prowlarrClient(access('prowlarr')),
    },
    bazarr: new BazarrClient({ url: o.bazarr.server.url, apiKey: async () => o.bazarr.apiKey }),
    plex: {
      server: new PlexServerClient({ url: o.plex.server.url, token: async () => o.plexToken, clientId: o.clientId }),
      host: 'plex',
      port: 32400,
      token: o.plexToken,
    },
    secret: o.secret,
  });
  if (o.standIns === false) return part.steps;
  const ids = new Set(part.steps.map((s) => s.id));
  const needed = [...new Set(part.steps.flatMap((s) => s.dependsOn))].filter((d) => !ids.has(d));
  const stub = (id: string): WiringStep => ({
    id,
    service: id.split('.')[0]!,
    dependsOn: [],
    plan: async () => [],
    apply: async () => undefined,
  });
  return [...needed.map(stub), ...part.steps];
}
