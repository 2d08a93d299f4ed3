// Seerr's desired state: signed in with the admin's Plex token, Plex server + its movie/TV libraries enabled, Radarr
// and Sonarr as defaults (profile, root folder), initialised; plus link tests through Seerr's own test endpoints.
import type { LinkTest, PlannedChange, WiringStep } from '../wiring-types';
import type { PlexServerClient } from '../../plex/plex-server-client';
import type { SeerrArr, SeerrArrKind, SeerrClient } from '../clients/seerr';
import type { SecretVault } from '../../vault/secret-vault';
import { requirePlexToken } from '../../plex/plex-signin';
import { seerrArrLink, seerrPlexLink } from './seerr-links';

export interface SeerrArrTarget {
  hostname: string;
  port: number;
  apiKey: string;
  directory: string;
  /** Quality profile Seerr requests with (arr.yml's preset); the first profile the Arr lists when absent there. */
  profileName: string;
  /** Radarr only: when a requested movie counts as available (arr.yml seerr.minimumAvailability). */
  minimumAvailability?: 'announced' | 'inCinemas' | 'released';
  /** Sonarr only: season folders (arr.yml seerr.seasonFolders). */
  seasonFolders?: boolean;
  /** Steps that must run first, e.g. the Arr's quality-profile step that creates the preset's profile. */
  after?: string[];
}

export interface SeerrWiringInput {
  seerr: SeerrClient;
  plex: PlexServerClient;
  vault: Pick<SecretVault, 'get' | 'set'>;
  /** Plex as Seerr's container reaches it. */
  plexHost: { ip: string; port: number };
  /** Plex library locations whose libraries Seerr must watch. */
  libraryLocations: string[];
  radarr: SeerrArrTarget;
  sonarr: SeerrArrTarget;
}

const svc = 'seerr';
const nothing = (resource: string, reason: string): PlannedChange[] => [
  { service: svc, resource, action: 'nothing', reason },
];
const change = (resource: string, action: 'create' | 'update', reason: string): PlannedChange[] => [
  { service: svc, resource, action, reason },
];
const pending = (c: PlannedChange[]) => c.some((x) => x.action !== 'nothing');
const NOT_SIGNED_IN = 'Seerr is not signed in yet; this is set right after the sign-in step.';

export function seerrWiring(input: SeerrWiringInput): { steps: WiringStep[]; links: LinkTest[] } {
  const { seerr } = input;
  const say = (step: string, message: string) => ({ operationId: 'wiring', step, current: 0, total: 1, message });

  const signIn: WiringStep = {
    id: 'seerr.signin',
    service: svc,
    dependsOn: ['plex.claim'],
    async plan() {
      return (await seerr.apiKeyWorks())
        ? nothing('admin sign-in', 'The stored Seerr API key works (user 1 exists).')
        : change(
            'admin sign-in',
            'create',
            'Sign Seerr in with the Plex admin account (creates user 1 and unlocks the API key).',
          );
    },
    async apply(changes, progress) {
      if (!pending(changes) || (await seerr.apiKeyWorks())) return;
      progress(say('seerr.signin', 'Signing Seerr in with the Plex account'));
      const apiKey = await seerr.signInWithPlex(await requirePlexToken(input.vault));
      await input.vault.set('seerr.api_key', apiKey);
    },
  };

  const plexServer: WiringStep = {
    id: 'seerr.plex',
    service: svc,
    dependsOn: ['seerr.signin', 'plex.claim'],
    async plan() {
      if (!(await seerr.apiKeyWorks())) return change('Plex server', 'update', NOT_SIGNED_IN);
      const s = await seerr.plexSettings();
      const ok = s.ip === input.plexHost.ip && s.port === input.plexHost.port && !s.useSsl && Boolean(s.machineId);
      return ok
        ? nothing('Plex server', `Uses ${s.ip}:${s.port}.`)
        : change(
            'Plex server',
            'update',
            `Seerr must use Plex at ${input.plexHost.ip}:${input.plexHost.port} (now ${s.ip || 'unset'}:${s.port}).`,
          );
    },
    async apply(changes, progress) {
      if (!pending(changes)) return;
      progress(say('seerr.plex', 'Connecting Seerr to Plex'));
      await seerr.savePlex({ ...input.plexHost, useSsl: false });
    },
  };

  /** Plex section keys whose folders are the media folders (Seerr names libraries by these keys). */
  async function wantedLibraryIds(): Promise<string[]> {
    const sections = await input.plex.sections();
    const wanted = new Set(input.libraryLocations.map((l) => l.replace(/\/+$/, '')));
    return sections
      .filter((s) => (s.Location ?? []).some((l) => wanted.has(l.path.replace(/\/+$/, ''))))
      .map((s) => s.key);
  }
  const libraries: WiringStep = {
    id: 'seerr.plex-libraries',
    service: svc,
    dependsOn: ['seerr.plex', 'plex.library.movie', 'plex.library.show'],
    async plan() {
      if (!(await seerr.apiKeyWorks())) return change('Plex libraries', 'update', NOT_SIGNED_IN);
      const enabled = new Set(((await seerr.plexSettings()).libraries ?? []).filter((l) => l.enabled).map((l) => l.id));
      const missing = (await wantedLibraryIds()).filter((id) => !enabled.has(id));
      return missing.length === 0
        ? nothing('Plex libraries', 'The movie and TV libraries are enabled.')
        : change('Plex libraries', 'update', `Enable Plex libraries ${missing.join(', ')}.`);
    },
    async apply(changes, progress) {
      if (!pending(changes)) return;
      // Keep what the user enabled by hand: Seerr disables every library left out of `enable`.
      const current = ((await seerr.plexSettings()).libraries ?? []).filter((l) => l.enabled).map((l) => l.id);
      const ids = [...new Set([...current, ...(await wantedLibraryIds())])];
      if (ids.length === 0)
        throw new Error(
          'Plex lists no library for the media folders yet, so Seerr has nothing to enable: apply the Plex steps first.',
        );
      progress(say('seerr.plex-libraries', 'Enabling the Plex libraries in Seerr'));
      await seerr.syncLibraries(ids);
    },
  };

  const arrStep = (kind: SeerrArrKind, t: SeerrArrTarget): WiringStep => {
    const name = kind === 'radarr' ? 'Radarr' : 'Sonarr';
    const find = (list: SeerrArr[]) => list.find((s) => !s.is4k && (s.hostname === t.hostname || s.name === name));
    const drift = (s: SeerrArr): string[] =>
      (
        [
          ['hostname', s.hostname === t.hostname],
          ['port', s.port === t.port],
          ['apiKey', s.apiKey === t.apiKey],
          ['useSsl', s.useSsl === false],
          ['activeDirectory', s.activeDirectory === t.directory],
          ['isDefault', s.isDefault],
          ['activeProfileName', s.activeProfileName === t.profileName],
          ...(kind === 'radarr'
            ? ([
                [
                  'minimumAvailability',
                  (s as { minimumAvailability?: string }).minimumAvailability === (t.minimumAvailability ?? 'released'),
                ],
              ] as const)
            : ([
                [
                  'enableSeasonFolders',
                  (s as { enableSeasonFolders?: boolean }).enableSeasonFolders === (t.seasonFolders ?? true),
                ],
              ] as const)),
        ] as const
      )
        .filter(([, same]) => !same)
        .map(([k]) => k);
    return {
      id: `seerr.${kind}`,
      service: svc,
      dependsOn: ['seerr.signin', `${kind}.root-folder`, ...(t.after ?? [])],
      async plan() {
        if (!(await seerr.apiKeyWorks())) return change(name, 'create', NOT_SIGNED_IN);
        const existing = find(await seerr.arrServers(kind));
        if (!existing) return change(name, 'create', `Seerr has no default ${name}.`);
        const d = drift(existing);
        return d.length === 0
          ? nothing(name, `Default ${name} at ${t.hostname}:${t.port}.`)
          : change(name, 'update', `Differs in: ${d.join(', ')}.`);
      },
      async apply(changes, progress) {
        if (!pending(changes)) return;
        const existing = find(await seerr.arrServers(kind));
        if (existing && drift(existing).length === 0) return;
        // The test call proves Seerr reaches the Arr and yields the profile id; nothing is saved if it fails.
        const { profiles } = await seerr.testArr(kind, {
          hostname: t.hostname,
          port: t.port,
          apiKey: t.apiKey,
          useSsl: false,
        });
        const profile = profiles.find((p) => p.name === t.profileName);
        if (!profile)
          throw new Error(
            `${name} has no quality profile "${t.profileName}" (arr.yml's preset), so Seerr cannot use it: apply the ${name} quality-profile step first.`,
          );
        const desired: SeerrArr = {
          ...(existing ?? {}),
          name,
          hostname: t.hostname,
          port: t.port,
          apiKey: t.apiKey,
          useSsl: false,
          baseUrl: '',
          activeProfileId: profile.id,
          activeProfileName: profile.name,
          activeDirectory: t.directory,
          is4k: false,
          isDefault: true,
          ...(kind === 'radarr'
            ? { minimumAvailability: t.minimumAvailability ?? 'released' }
            : { enableSeasonFolders: t.seasonFolders ?? true }),
        };
        progress(say(`seerr.${kind}`, `${existing ? 'Updating' : 'Adding'} ${name} in Seerr`));
        if (existing?.id !== undefined) {
          const { id: _id, ...body } = desired;
          await seerr.updateArr(kind, existing.id, body);
        } else await seerr.addArr(kind, desired);
      },
    };
  };

  const initialize: WiringStep = {
    id: 'seerr.initialize',
    service: svc,
    dependsOn: ['seerr.plex-libraries', 'seerr.radarr', 'seerr.sonarr'],
    async plan() {
      return (await seerr.publicSettings()).initialized
        ? nothing('setup', 'Seerr is initialised.')
        : change('setup', 'update', 'Finish Seerr setup so users can sign in.');
    },
    async apply(changes, progress) {
      if (!pending(changes)) return;
      progress(say('seerr.initialize', 'Finishing Seerr setup'));
      await seerr.initialize();
    },
  };

  return {
    steps: [
      signIn,
      plexServer,
      libraries,
      arrStep('radarr', input.radarr),
      arrStep('sonarr', input.sonarr),
      initialize,
    ],
    links: [seerrArrLink('radarr', input.seerr), seerrArrLink('sonarr', input.seerr), seerrPlexLink(input.seerr)],
  };
}
