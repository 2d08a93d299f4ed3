// Prowlarr indexers from arr.yml: one step per indexer (created from Prowlarr's own definition template, tested with
// Prowlarr's test endpoint before it is saved, updated when it drifted), plus removal of the others under `prune: true`.
import { UpsFailure } from '../../contract';
import { indexerSecretName } from '../../contract/secret-names';
import type { ArrConfig, ArrIndexer } from '../../contract/arr-config';
import type { ArrClient } from '../clients/arr-common';
import {
  buildIndexer,
  findTemplate,
  firstAppProfileId,
  indexerDrift,
  indexerTemplates,
  mergeIndexer,
  resolveFields,
} from '../clients/prowlarr-indexers';
import type { PlannedChange, WiringStep } from '../wiring-types';
import { pruneProvidersStep } from './arr-config-steps';

const svc = 'prowlarr';

/** Step id of one indexer: its name as the vault slug spells it (stable, no spaces). */
export const indexerStepId = (name: string) => `prowlarr.indexer.${indexerSecretName(name, 'x').split('.')[1]!}`;

/** Tests a candidate with Prowlarr's own `indexer/test`; its messages become the error (nothing saved). */
export async function testIndexerOrThrow(client: ArrClient, candidate: Parameters<ArrClient['testProvider']>[1]) {
  const check = await client.testProvider('indexer', candidate);
  if (!check.ok)
    throw new UpsFailure({
      code: 'BAD_INPUT',
      message: `Prowlarr's test of indexer "${candidate.name ?? ''}" failed: ${check.messages.join('; ')}.`,
      fix: "Check the indexer's fields (and that the site answers from the VPN), then apply again; nothing was saved.",
    });
}

export function indexerStep(
  client: ArrClient,
  indexer: ArrIndexer,
  secret: (name: string) => Promise<string | null>,
): WiringStep {
  const id = indexerStepId(indexer.name);
  const resource = `indexer ${indexer.name}`;
  const find = async () =>
    (await client.listProviders('indexer')).find((p) => (p.name ?? '').toLowerCase() === indexer.name.toLowerCase());
  return {
    id,
    service: svc,
    dependsOn: [],
    async plan(): Promise<PlannedChange[]> {
      const fields = await resolveFields(indexer, secret);
      const existing = await find();
      if (!existing)
        return [
          { service: svc, resource, action: 'create', reason: `Prowlarr has no ${resource} (${indexer.definition}).` },
        ];
      const drift = indexerDrift(existing, indexer, fields);
      return drift.length === 0
        ? [{ service: svc, resource, action: 'nothing', reason: 'Matches arr.yml.' }]
        : [{ service: svc, resource, action: 'update', reason: `Differs from arr.yml in: ${drift.join(', ')}.` }];
    },
    async apply(changes, progress) {
      if (!changes.some((c) => c.action !== 'nothing')) return;
      const fields = await resolveFields(indexer, secret);
      const existing = await find();
      if (existing && indexerDrift(existing, indexer, fields).length === 0) return;
      let body;
      if (existing) body = mergeIndexer(existing, indexer, fields);
      else {
        const template = findTemplate(await indexerTemplates(client), indexer.definition);
        if (!template)
          throw new UpsFailure({
            code: 'BAD_INPUT',
            field: `arr.yml prowlarr.indexers "${indexer.name}".definition`,
            message: `Prowlarr has no indexer definition "${indexer.definition}".`,
            fix: "Pick the definition from the dashboard's Indexers dialog (it lists Prowlarr's own), then apply again.",
          });
        body = buildIndexer(template, indexer, fields, await firstAppProfileId(client));
      }
      progress({ operationId: 'wiring', step: id, current: 0, total: 1, message: `Testing ${resource} in Prowlarr` });
      if (indexer.enable) await testIndexerOrThrow(client, body);
      if (existing) await client.updateProvider('indexer', body);
      else await client.createProvider('indexer', body);
    },
  };
}

export function indexerSteps(
  client: ArrClient,
  cfg: ArrConfig['prowlarr']['indexers'],
  secret: (name: string) => Promise<string | null>,
): WiringStep[] {
  const steps = cfg.items.map((i) => indexerStep(client, i, secret));
  if (cfg.prune)
    steps.push(
      pruneProvidersStep({
        id: 'prowlarr.indexers.prune',
        client,
        kind: 'indexer',
        label: 'indexer',
        keep: cfg.items.map((i) => i.name),
        dependsOn: steps.map((s) => s.id),
      }),
    );
  return steps;
}
