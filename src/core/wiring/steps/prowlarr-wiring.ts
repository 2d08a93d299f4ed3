// Prowlarr's desired state (Radarr/Sonarr applications with full sync, its download clients, Forms login) and the
// whole Arr half of the wiring assembled in dependency order.
import { fromZodError, UpsFailure } from '../../contract';
import type { LinkTest, WiringStep } from '../wiring-types';
import { downloadClientProvider } from '../clients/arr-common-providers';
import { prowlarrApplication, prowlarrClient, PROWLARR_CATEGORY_FIELD } from '../clients/prowlarr';
import { ArrWiringInputSchema, categories, type ArrWiringInput, type WiringRuntime } from './radarr-sonarr-input';
import { formsAuthStep, providerLinkTest, providerStep } from './radarr-sonarr-common';
import { arrAppWiring, arrClientFor, type ServiceWiring } from './radarr-sonarr-wiring';

export function prowlarrWiring(input: ArrWiringInput, rt: WiringRuntime = {}): ServiceWiring {
  const client = arrClientFor('prowlarr', input, rt, prowlarrClient);
  const steps: WiringStep[] = [
    formsAuthStep({ id: 'prowlarr.auth', client, username: input.ui.username, password: input.ui.password }),
  ];
  const links: LinkTest[] = [];
  for (const app of ['radarr', 'sonarr'] as const) {
    const desired = prowlarrApplication({
      app: app === 'radarr' ? 'Radarr' : 'Sonarr',
      prowlarrUrl: input.prowlarr.internalUrl,
      appUrl: input[app].internalUrl,
      appApiKey: input[app].apiKey,
    });
    // Prowlarr tests the app on save, so the app must answer first; its root folder step proves it does.
    steps.push(
      providerStep({
        id: `prowlarr.application.${app}`,
        client,
        kind: 'applications',
        desired,
        dependsOn: [`${app}.root-folder`],
      }),
    );
    links.push(
      providerLinkTest({
        id: `prowlarr->${app}`,
        from: 'prowlarr',
        to: app,
        client,
        kind: 'applications',
        name: desired.name,
      }),
    );
  }
  for (const dl of ['qbittorrent', 'nzbget'] as const) {
    const target = input[dl];
    if (!target) continue;
    const desired = downloadClientProvider({
      client: dl,
      ...target,
      categoryField: PROWLARR_CATEGORY_FIELD,
      category: categories.prowlarr[dl],
    });
    steps.push(providerStep({ id: `prowlarr.download-client.${dl}`, client, kind: 'downloadclient', desired }));
    links.push(
      providerLinkTest({
        id: `prowlarr->${dl}`,
        from: 'prowlarr',
        to: dl,
        client,
        kind: 'downloadclient',
        name: desired.name,
      }),
    );
  }
  return { steps, links };
}

/** Radarr, Sonarr and Prowlarr together; the input is validated first so nothing is called with a bad config. */
export function arrWiring(raw: unknown, rt: WiringRuntime = {}): ServiceWiring {
  const parsed = ArrWiringInputSchema.safeParse(raw);
  if (!parsed.success) throw new UpsFailure(fromZodError(parsed.error, 'wiring'));
  const input = parsed.data;
  const parts = [arrAppWiring('radarr', input, rt), arrAppWiring('sonarr', input, rt), prowlarrWiring(input, rt)];
  return { steps: parts.flatMap((p) => p.steps), links: parts.flatMap((p) => p.links) };
}
