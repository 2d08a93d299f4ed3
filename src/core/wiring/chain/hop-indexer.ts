// Hop "indexer": Prowlarr has at least one indexer that passes Prowlarr's own test, Radarr and Sonarr are Prowlarr
// applications that sync, and each of them holds at least one enabled indexer (what Prowlarr's sync put there).
import { fixAction } from '../../contract/fix-action';
import type { ArrClient } from '../clients/arr-common';
import type { Provider } from '../clients/arr-common-schemas';
import { broken, passed, type ChainStep } from './chain-run';

export interface IndexerHopDeps {
  prowlarr: ArrClient;
  radarr: ArrClient;
  sonarr: ArrClient;
}

/** Prowlarr's ApplicationDefinition.SyncLevel: `disabled` never pushes indexers (Prowlarr.Api.V1 applications). */
const syncs = (p: Provider) => p.syncLevel === 'addOnly' || p.syncLevel === 'fullSync';
/** An Arr indexer that can be searched: Radarr/Sonarr IndexerResource enableRss / enableAutomaticSearch. */
const usable = (p: Provider) => p.enableRss === true || p.enableAutomaticSearch === true;

export function indexerHop(d: IndexerHopDeps): ChainStep {
  return {
    hop: 'indexer',
    async run() {
      const indexers = (await d.prowlarr.listProviders('indexer')).filter((p) => p.enable !== false);
      if (indexers.length === 0)
        return broken(
          'Prowlarr has no indexer, so Radarr and Sonarr can never find a release.',
          'Add at least one indexer in Prowlarr (Indexers → Add Indexer; public ones need no account), then check the chain again.',
        );
      const failures: string[] = [];
      let working: Provider | undefined;
      for (const ix of indexers) {
        const t = await d.prowlarr.testProvider('indexer', ix);
        if (t.ok) {
          working = ix;
          break;
        }
        failures.push(`${ix.name ?? ix.implementation ?? 'indexer'}: ${t.messages.join('; ')}`);
      }
      if (!working)
        return broken(
          `No Prowlarr indexer passes Prowlarr's test (${failures.join(' | ')}).`,
          'Fix the indexer in Prowlarr (its site may be down, need a login, or be blocked by the VPN exit), or add another one; then check the chain again.',
        );
      const apps = await d.prowlarr.listProviders('applications');
      for (const name of ['Radarr', 'Sonarr'] as const) {
        const app = apps.find((a) => a.implementation === name);
        if (!app || !syncs(app))
          return broken(
            app
              ? `Prowlarr does not sync indexers to ${name} (sync level ${String(app.syncLevel)}).`
              : `${name} is not an application in Prowlarr, so it gets no indexers.`,
            `Repair the links: they add ${name} to Prowlarr with full sync.`,
            fixAction('wiring.apply'),
          );
        const client = name === 'Radarr' ? d.radarr : d.sonarr;
        if (!(await client.listProviders('indexer')).some(usable))
          return broken(
            `${name} has no enabled indexer: Prowlarr has not synced its indexers there yet.`,
            `In Prowlarr, press "Sync App Indexers" (System → Tasks → Application Indexer Sync), or repair the links; then check the chain again.`,
            fixAction('wiring.apply'),
          );
      }
      return passed(
        `Prowlarr indexer "${working.name ?? working.implementation ?? '?'}" passes its test and Radarr and Sonarr get Prowlarr's indexers.`,
      );
    },
  };
}
