// Plex's desired state: claimed by the signed-in account, a movie library on /data/media/movies and a TV library on
// /data/media/tv, its LAN settings (plex-network.ts); plus the link test "this app → Plex".
import type { LinkTest, PlannedChange, WiringStep } from '../wiring-types';
import type { LibraryKind, PlexServerClient } from '../../plex/plex-server-client';
import type { PlexTvClient } from '../../plex/plex-tv-client';
import { claimPlexServer } from '../../plex/plex-signin';
import type { SecretVault } from '../../vault/secret-vault';
import { failureResult } from './radarr-sonarr-common';
import { plexNetworkStep, type PlexNetworkInput } from './plex-network';
import { fixAction } from '../../contract/fix-action';

export interface PlexWiringInput {
  server: PlexServerClient;
  plexTv: PlexTvClient;
  vault: Pick<SecretVault, 'get' | 'set'>;
  libraries?: { name: string; kind: LibraryKind; location: string }[];
  /** LAN settings for bridge networking; without it Plex's network preferences are left alone. */
  network?: Omit<PlexNetworkInput, 'server'>;
}

export const defaultPlexLibraries: { name: string; kind: LibraryKind; location: string }[] = [
  { name: 'Movies', kind: 'movie', location: '/data/media/movies' },
  { name: 'TV Shows', kind: 'show', location: '/data/media/tv' },
];

const trim = (p: string) => p.replace(/\/+$/, '');

export function plexWiring(input: PlexWiringInput): { steps: WiringStep[]; links: LinkTest[] } {
  const { server } = input;
  const claim: WiringStep = {
    id: 'plex.claim',
    service: 'plex',
    dependsOn: [],
    async plan(): Promise<PlannedChange[]> {
      const id = await server.identity();
      return id.claimed
        ? [{ service: 'plex', resource: 'server owner', action: 'nothing', reason: 'The server is claimed.' }]
        : [
            {
              service: 'plex',
              resource: 'server owner',
              action: 'create',
              reason: 'The server has no owner: claim it for the signed-in Plex account.',
            },
          ];
    },
    async apply(changes, progress) {
      if (!changes.some((c) => c.action !== 'nothing')) return;
      progress({
        operationId: 'wiring',
        step: 'plex.claim',
        current: 0,
        total: 1,
        message: 'Claiming the Plex server',
      });
      await claimPlexServer(input.plexTv, input.vault, server);
    },
  };
  const libraries = (input.libraries ?? defaultPlexLibraries).map((lib): WiringStep => {
    const resource = `library ${lib.name} (${lib.location})`;
    const present = async () =>
      (await server.sections()).some(
        (s) => s.type === lib.kind && (s.Location ?? []).some((l) => trim(l.path) === trim(lib.location)),
      );
    return {
      id: `plex.library.${lib.kind}`,
      service: 'plex',
      dependsOn: ['plex.claim'],
      async plan() {
        return (await present())
          ? [
              {
                service: 'plex',
                resource,
                action: 'nothing',
                reason: `A ${lib.kind} library already covers ${lib.location}.`,
              },
            ]
          : [{ service: 'plex', resource, action: 'create', reason: `No ${lib.kind} library covers ${lib.location}.` }];
      },
      async apply(changes, progress) {
        if (!changes.some((c) => c.action !== 'nothing') || (await present())) return;
        progress({
          operationId: 'wiring',
          step: `plex.library.${lib.kind}`,
          current: 0,
          total: 1,
          message: `Adding the Plex ${lib.name} library`,
        });
        await server.addSection(lib);
      },
    };
  });
  const link: LinkTest = {
    id: 'app->plex',
    from: 'app',
    to: 'plex',
    async run() {
      const base = { id: 'app->plex', from: 'app', to: 'plex' };
      try {
        const id = await server.identity();
        if (!id.claimed)
          return {
            ...base,
            ok: false,
            detail: 'Plex answers but has no owner.',
            fix: 'Sign in to Plex again to claim it.',
            action: fixAction('plex.signin'),
          };
        const sections = await server.sections();
        return {
          ...base,
          ok: true,
          detail: `Plex ${id.version ?? ''} is claimed and lists ${sections.length} libraries.`.replace('  ', ' '),
        };
      } catch (err) {
        return { ...base, ...failureResult(err) };
      }
    },
  };
  const network = input.network ? [plexNetworkStep({ server, ...input.network })] : [];
  return { steps: [claim, ...libraries, ...network], links: [link] };
}
