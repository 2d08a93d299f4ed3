// Hop "request": Seerr's default Radarr/Sonarr entries pass Seerr's own test, name a quality profile that test returns,
// and a root folder the Arr has and can reach.
import { fixAction } from '../../contract/fix-action';
import type { ArrClient } from '../clients/arr-common';
import type { SeerrArrKind, SeerrClient } from '../clients/seerr';
import { broken, passed, type ChainStep, type HopOutcome } from './chain-run';

export interface RequestHopDeps {
  seerr: SeerrClient;
  arrs: Record<SeerrArrKind, ArrClient>;
}

async function one(kind: SeerrArrKind, d: RequestHopDeps): Promise<HopOutcome | string> {
  const name = kind === 'radarr' ? 'Radarr' : 'Sonarr';
  const entry = (await d.seerr.arrServers(kind)).find((s) => s.isDefault && !s.is4k);
  if (!entry)
    return broken(
      `Seerr has no default ${name} server, so requests cannot be sent anywhere.`,
      `Repair the links: they add ${name} to Seerr.`,
      fixAction('wiring.apply'),
    );
  const { profiles } = await d.seerr.testArr(kind, entry);
  if (!profiles.some((p) => p.id === entry.activeProfileId))
    return broken(
      `Seerr sends ${name} requests with quality profile "${entry.activeProfileName}" (id ${entry.activeProfileId}), which ${name} no longer has.`,
      `Repair the links to pick an existing profile, or choose one in Seerr → Settings → Services → ${name}.`,
      fixAction('wiring.apply'),
    );
  const folders = await d.arrs[kind].rootFolders();
  const folder = folders.find((f) => (f.path ?? '').replace(/\/+$/, '') === entry.activeDirectory.replace(/\/+$/, ''));
  if (!folder)
    return broken(
      `Seerr sends ${name} requests to root folder ${entry.activeDirectory}, which is not a root folder in ${name}.`,
      `Repair the links: they add the root folder to ${name} and point Seerr at it.`,
      fixAction('wiring.apply'),
    );
  if (folder.accessible === false)
    return broken(
      `${name} cannot reach its root folder ${folder.path ?? entry.activeDirectory}.`,
      `Check that the data folder is mounted into ${name} (start the stack again), then check the chain again.`,
      fixAction('stack.up', { services: [kind] }),
    );
  return `${name} (profile "${entry.activeProfileName}", folder ${folder.path ?? entry.activeDirectory})`;
}

export function requestHop(d: RequestHopDeps): ChainStep {
  return {
    hop: 'request',
    async run() {
      const found: string[] = [];
      for (const kind of ['radarr', 'sonarr'] as const) {
        const r = await one(kind, d);
        if (typeof r !== 'string') return r;
        found.push(r);
      }
      return passed(`Seerr reaches ${found.join(' and ')}.`);
    },
  };
}
