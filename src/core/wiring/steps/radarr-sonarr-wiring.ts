// Radarr's and Sonarr's desired state: root folder, qBittorrent/NZBGet at host `vpn`, Forms login; plus their link tests.
import type { LinkTest, WiringStep } from '../wiring-types';
import type { ArrClient } from '../clients/arr-common';
import { downloadClientProvider } from '../clients/arr-common-providers';
import { radarrClient, RADARR_CATEGORY_FIELD } from '../clients/radarr';
import { sonarrClient, SONARR_CATEGORY_FIELD } from '../clients/sonarr';
import { categories, type ArrWiringInput, type WiringRuntime } from './radarr-sonarr-input';
import { formsAuthStep, providerLinkTest, providerStep, rootFolderStep } from './radarr-sonarr-common';

export interface ServiceWiring {
  steps: WiringStep[];
  links: LinkTest[];
}

type App = 'radarr' | 'sonarr';

export function arrClientFor(
  app: App | 'prowlarr',
  input: ArrWiringInput,
  rt: WiringRuntime,
  make: (a: ConstructorParameters<typeof ArrClient>[1]) => ArrClient,
): ArrClient {
  return make({
    url: input[app].url,
    apiKey: input[app].apiKey,
    timeoutMs: rt.timeoutMs,
    fetch: rt.fetch,
    onCall: rt.onCall,
  });
}

/** Steps and links of one Arr app. Step ids: `<app>.root-folder`, `<app>.download-client.<client>`, `<app>.auth`. */
export function arrAppWiring(app: App, input: ArrWiringInput, rt: WiringRuntime = {}): ServiceWiring {
  const client = arrClientFor(app, input, rt, app === 'radarr' ? radarrClient : sonarrClient);
  const categoryField = app === 'radarr' ? RADARR_CATEGORY_FIELD : SONARR_CATEGORY_FIELD;
  const steps: WiringStep[] = [
    rootFolderStep({ id: `${app}.root-folder`, client, path: app === 'radarr' ? input.paths.movies : input.paths.tv }),
    formsAuthStep({ id: `${app}.auth`, client, username: input.ui.username, password: input.ui.password }),
  ];
  const links: LinkTest[] = [];
  for (const dl of ['qbittorrent', 'nzbget'] as const) {
    const target = input[dl];
    if (!target) continue;
    const fromFile = input.clients?.[app];
    if (fromFile && !fromFile[dl]) continue; // not in arr.yml: left alone
    const category = fromFile?.[dl] ?? categories[app][dl];
    const desired = downloadClientProvider({ client: dl, ...target, categoryField, category });
    steps.push(providerStep({ id: `${app}.download-client.${dl}`, client, kind: 'downloadclient', desired }));
    links.push(
      providerLinkTest({ id: `${app}->${dl}`, from: app, to: dl, client, kind: 'downloadclient', name: desired.name }),
    );
  }
  return { steps, links };
}
