// Library updates: Radarr and Sonarr tell Plex to refresh on import/upgrade/rename (Connect → Plex Media Server), so
// new items appear without Plex watching folders; and a check that Plex's libraries cover the Arrs' root folders.
import { UpsFailure } from '../../contract';
import type { PlexServerClient } from '../../plex/plex-server-client';
import type { ArrClient } from '../clients/arr-common';
import type { DesiredProvider } from '../clients/arr-common-providers';
import type { WiringStep } from '../wiring-types';
import { providerStep } from './radarr-sonarr-common';
import { fixAction } from '../../contract/fix-action';

/**
 * The PlexServer notification (Radarr v6.0.3.10276 / Sonarr v4.0.19.2979
 * src/NzbDrone.Core/Notifications/Plex/Server/PlexServerSettings.cs: host, port, useSsl, authToken (privacy apiKey),
 * updateLibrary). Enabled by onDownload/onUpgrade/onRename, so the service tests it on save: PlexServerService.Test
 * lists Plex's library sections with the token (no section → refused).
 */
export function plexNotification(o: { host: string; port: number; token: string }): DesiredProvider {
  return {
    name: 'Plex',
    implementation: 'PlexServer',
    settings: { onDownload: true, onUpgrade: true, onRename: true },
    fields: { host: o.host, port: o.port, useSsl: false, authToken: o.token, updateLibrary: true },
    secretFields: ['authToken'],
  };
}

export function plexNotificationStep(o: {
  app: 'radarr' | 'sonarr';
  client: ArrClient;
  plex: { host: string; port: number };
  token: string | null;
}): WiringStep {
  const library = o.app === 'radarr' ? 'plex.library.movie' : 'plex.library.show';
  if (!o.token) {
    // Built before the Plex sign-in: the plan says so instead of failing later with a refused save.
    return {
      id: `${o.app}.notification.plex`,
      service: o.app,
      dependsOn: ['plex.claim', library],
      plan() {
        return Promise.reject(
          new UpsFailure({
            code: 'NOT_FOUND',
            message: `${o.client.service} cannot tell Plex about imports yet: the vault has no Plex token.`,
            fix: 'Sign in to Plex, then repair the links.',
            action: fixAction('plex.signin'),
          }),
        );
      },
      apply: () => Promise.resolve(),
    };
  }
  return providerStep({
    id: `${o.app}.notification.plex`,
    client: o.client,
    kind: 'notification',
    desired: plexNotification({ ...o.plex, token: o.token }),
    dependsOn: ['plex.claim', library],
  });
}

/**
 * Plex must watch every Arr root folder in a library of the right kind, or imported files never show: a mismatch is
 * the plan's error for this step (apply cannot guess which library the user meant), with the fix.
 */
export function libraryPathsStep(o: {
  plex: PlexServerClient;
  arrs: { app: 'radarr' | 'sonarr'; client: ArrClient }[];
}): WiringStep {
  const trim = (p: string) => p.replace(/\/+$/, '');
  return {
    id: 'plex.library-paths',
    service: 'plex',
    dependsOn: ['plex.library.movie', 'plex.library.show', ...o.arrs.map((a) => `${a.app}.root-folder`)],
    async plan() {
      const sections = await o.plex.sections();
      const problems: string[] = [];
      for (const { app, client } of o.arrs) {
        const kind = app === 'radarr' ? 'movie' : 'show';
        const watched = new Set(
          sections.filter((s) => s.type === kind).flatMap((s) => (s.Location ?? []).map((l) => trim(l.path))),
        );
        for (const r of await client.rootFolders()) {
          const path = trim(r.path ?? '');
          if (path && !watched.has(path))
            problems.push(`${client.service}'s root folder ${path} is in no Plex ${kind} library`);
        }
      }
      if (problems.length > 0)
        throw new UpsFailure({
          code: 'BAD_INPUT',
          message: `Plex's libraries do not match the Arr root folders: ${problems.join('; ')}.`,
          fix: 'Add the folder to the Plex library (Plex → Manage Library → Edit → Add folders), or change rootFolders in arr.yml to a folder Plex watches.',
        });
      return [
        {
          service: 'plex',
          resource: 'library folders',
          action: 'nothing',
          reason: 'Every Arr root folder is in a Plex library.',
        },
      ];
    },
    apply: () => Promise.resolve(),
  };
}
