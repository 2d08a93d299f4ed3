// Prowlarr (/api/v1): the shared Arr client plus the desired shape of its Radarr/Sonarr applications.
import { ArrClient, type ArrAccess } from './arr-common';
import type { DesiredProvider } from './arr-common-providers';

export const prowlarrClient = (access: ArrAccess): ArrClient => new ArrClient('Prowlarr', access);

/** Field holding the download category in Prowlarr's QBittorrent/Nzbget providers. */
export const PROWLARR_CATEGORY_FIELD = 'category';

/**
 * A Prowlarr application (Radarr or Sonarr) with full sync: Prowlarr pushes and removes indexers in the Arr.
 * Both URLs are container addresses: Prowlarr calls the Arr, and the Arr calls Prowlarr back for searches.
 */
export function prowlarrApplication(o: {
  app: 'Radarr' | 'Sonarr';
  prowlarrUrl: string;
  appUrl: string;
  appApiKey: string;
}): DesiredProvider {
  return {
    name: o.app,
    implementation: o.app,
    settings: { syncLevel: 'fullSync' },
    fields: { prowlarrUrl: o.prowlarrUrl, baseUrl: o.appUrl, apiKey: o.appApiKey },
    secretFields: ['apiKey'],
  };
}
