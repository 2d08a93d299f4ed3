// The steps arr.yml adds to the wiring (docs/decisions.md D32): quality presets, naming, media management, extra root
// folders, Plex library updates, Prowlarr indexers, Bazarr subtitles, and the prune steps of sections that ask for it.
import { qualityPresets, type ArrConfig } from '../../contract/arr-config';
import type { PlexServerClient } from '../../plex/plex-server-client';
import type { ArrClient } from '../clients/arr-common';
import type { BazarrClient } from '../clients/bazarr';
import type { LinkTest, WiringStep } from '../wiring-types';
import { configResourceStep, pruneProvidersStep, pruneRootFoldersStep, qualityProfileStep } from './arr-config-steps';
import { bazarrSubtitlesStep } from './bazarr-subtitle-steps';
import { indexerSteps } from './indexer-steps';
import { libraryPathsStep, plexNotificationStep } from './library-update-steps';
import { rootFolderStep } from './radarr-sonarr-common';

export interface ArrConfigWiringInput {
  config: ArrConfig;
  clients: { radarr: ArrClient; sonarr: ArrClient; prowlarr: ArrClient };
  bazarr?: BazarrClient;
  plex?: { server: PlexServerClient; host: string; port: number; token: string | null };
  /** Reads an indexer secret (`indexer.<name>.<field>`) from the vault. */
  secret: (name: string) => Promise<string | null>;
}

/** The profile name Radarr/Sonarr (and Seerr's defaults) use for an app: the file's override or the preset's. */
export function profileNameOf(section: ArrConfig['radarr']): string {
  return section.qualityProfile.name ?? qualityPresets[section.qualityProfile.preset].profileName;
}

/** The clients (with their categories) arr.yml lists for each Arr, in the form ArrWiringInput.clients takes. */
export function clientsOf(config: ArrConfig): Record<'radarr' | 'sonarr', { qbittorrent?: string; nzbget?: string }> {
  const of = (s: ArrConfig['radarr']) => ({
    ...(s.downloadClients.qbittorrent ? { qbittorrent: s.downloadClients.qbittorrent.category } : {}),
    ...(s.downloadClients.nzbget ? { nzbget: s.downloadClients.nzbget.category } : {}),
  });
  return { radarr: of(config.radarr), sonarr: of(config.sonarr) };
}

export function arrConfigWiring(input: ArrConfigWiringInput): { steps: WiringStep[]; links: LinkTest[] } {
  const { config, clients } = input;
  const steps: WiringStep[] = [];
  for (const app of ['radarr', 'sonarr'] as const) {
    const section = config[app];
    const client = clients[app];
    steps.push(
      qualityProfileStep({ app, client, preset: section.qualityProfile.preset, name: profileNameOf(section) }),
    );
    if (Object.keys(section.naming).length > 0)
      steps.push(configResourceStep({ app, client, resource: 'naming', desired: section.naming }));
    if (Object.keys(section.mediaManagement).length > 0)
      steps.push(configResourceStep({ app, client, resource: 'mediamanagement', desired: section.mediaManagement }));
    // The first root folder is the `<app>.root-folder` step the base wiring makes; the others are added here.
    for (const path of section.rootFolders.paths.slice(1))
      steps.push(rootFolderStep({ id: `${app}.root-folder:${path}`, client, path }));
    if (section.rootFolders.prune) steps.push(pruneRootFoldersStep({ app, client, keep: section.rootFolders.paths }));
    if (section.downloadClients.prune) {
      const keep = [
        ...(section.downloadClients.qbittorrent ? ['qBittorrent'] : []),
        ...(section.downloadClients.nzbget ? ['NZBGet'] : []),
      ];
      steps.push(
        pruneProvidersStep({
          id: `${app}.download-clients.prune`,
          client,
          kind: 'downloadclient',
          label: 'download client',
          keep,
        }),
      );
    }
    if (section.plexLibraryUpdate && input.plex)
      steps.push(plexNotificationStep({ app, client, plex: input.plex, token: input.plex.token }));
  }
  if (input.plex)
    steps.push(
      libraryPathsStep({
        plex: input.plex.server,
        arrs: [
          { app: 'radarr', client: clients.radarr },
          { app: 'sonarr', client: clients.sonarr },
        ],
      }),
    );
  steps.push(...indexerSteps(clients.prowlarr, config.prowlarr.indexers, input.secret));
  if (input.bazarr) steps.push(bazarrSubtitlesStep(input.bazarr, config.bazarr));
  return { steps, links: [] };
}
