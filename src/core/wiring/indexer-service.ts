// The indexer use cases behind the dashboard's Indexers dialog and `arrConfig.adopt`: list Prowlarr's definitions,
// list the indexers (managed by arr.yml or not), add one (vault for its secrets, Prowlarr's test, save, then arr.yml),
// and keep a service's hand-edited value in arr.yml.
import * as z from 'zod';
import { UpsFailure, type StackConfig } from '../contract';
import {
  ArrConfigSchema,
  type ArrConfig,
  type ArrIndexer,
  type FieldValue,
  type IndexerDefinition,
} from '../contract/arr-config';
import { fixAction } from '../contract/fix-action';
import { indexerSecretName, type IndexerSecretName } from '../contract/secret-names';
import { defaultArrConfig } from '../install/arr-config-file';
import { arrConfigPath, readArrConfig, writeArrConfig } from '../install/read-arr-config';
import type { ArrClient } from './clients/arr-common';
import { prowlarrClient } from './clients/prowlarr';
import {
  buildIndexer,
  definitionOf,
  definitionView,
  findTemplate,
  firstAppProfileId,
  indexerTemplates,
  mergeIndexer,
} from './clients/prowlarr-indexers';

export interface IndexerServiceDeps {
  stack(): Promise<StackConfig | null>;
  vault: {
    get(name: IndexerSecretName | 'prowlarr.api_key'): Promise<string | null>;
    set(name: IndexerSecretName, value: string): Promise<void>;
  };
  /** Where published ports answer (127.0.0.1 for a local engine). */
  host?: string;
  fetch?: typeof fetch;
}

async function context(deps: IndexerServiceDeps): Promise<{ cfg: StackConfig; arr: ArrConfig; prowlarr: ArrClient }> {
  const cfg = await deps.stack();
  if (!cfg)
    throw new UpsFailure({
      code: 'NOT_FOUND',
      message: 'No stack is installed yet, so there is no Prowlarr to add indexers to.',
      fix: 'Finish the setup first.',
      action: fixAction('setup.start'),
    });
  const apiKey = await deps.vault.get('prowlarr.api_key');
  if (!apiKey)
    throw new UpsFailure({
      code: 'NOT_FOUND',
      message: 'The vault has no prowlarr.api_key.',
      fix: 'Run the setup again (it generates missing keys).',
      action: fixAction('setup.start'),
    });
  const prowlarr = prowlarrClient({
    url: `http://${deps.host ?? '127.0.0.1'}:${cfg.ports.prowlarr}`,
    apiKey,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  return { cfg, arr: (await readArrConfig(cfg.installRoot)) ?? defaultArrConfig(cfg), prowlarr };
}

export async function indexerDefinitions(
  deps: IndexerServiceDeps,
  input: { includePrivate?: boolean; search?: string },
): Promise<{ definitions: IndexerDefinition[] }> {
  const { prowlarr } = await context(deps);
  const needle = (input.search ?? '').toLowerCase();
  const definitions = (await indexerTemplates(prowlarr))
    .map(definitionView)
    // Public by default (the `privacy` of each definition): private trackers need an account the user has.
    .filter((d) => input.includePrivate || d.privacy === 'public')
    .filter((d) => !needle || d.definition.toLowerCase().includes(needle) || d.name.toLowerCase().includes(needle));
  return { definitions };
}

export async function listIndexers(deps: IndexerServiceDeps) {
  const { arr, prowlarr } = await context(deps);
  const live = await prowlarr.listProviders('indexer');
  const managed = arr.prowlarr.indexers.items;
  const key = (n: string) => n.toLowerCase();
  const inFile = new Set(managed.map((i) => key(i.name)));
  return {
    indexers: [
      ...managed.map((i) => ({
        name: i.name,
        definition: i.definition,
        enable: i.enable,
        managed: true,
        inProwlarr: live.some((p) => key(p.name ?? '') === key(i.name)),
      })),
      ...live
        .filter((p) => !inFile.has(key(p.name ?? '')))
        .map((p) => ({
          name: p.name ?? '',
          definition: definitionOf(p),
          enable: (p as { enable?: boolean }).enable === true,
          managed: false,
          inProwlarr: true,
        })),
    ],
  };
}

/**
 * Tested by Prowlarr first; only a passing indexer is saved, and only a saved one is written into arr.yml (so the file
 * never names an indexer Prowlarr refused). Secret fields are stored in the vault and the file keeps a reference.
 */
export async function addIndexer(
  deps: IndexerServiceDeps,
  input: {
    name: string;
    definition: string;
    fields: Record<string, string | number | boolean | null>;
    testOnly?: boolean;
  },
): Promise<{ ok: boolean; saved: boolean; messages: string[] }> {
  const { cfg, arr, prowlarr } = await context(deps);
  const template = findTemplate(await indexerTemplates(prowlarr), input.definition);
  if (!template)
    throw new UpsFailure({
      code: 'BAD_INPUT',
      field: 'definition',
      message: `Prowlarr has no indexer definition "${input.definition}".`,
      fix: 'Pick one from the list of definitions.',
    });
  const secretFields = new Set(
    (template.fields ?? []).filter((f) => f.privacy === 'password' || f.privacy === 'apiKey').map((f) => f.name),
  );
  const indexer: ArrIndexer = {
    name: input.name,
    definition: definitionOf(template),
    enable: true,
    priority: 25,
    fields: {},
  };
  const plain: Record<string, unknown> = {};
  const inFile: Record<string, FieldValue> = {};
  for (const [name, value] of Object.entries(input.fields)) {
    plain[name] = value;
    inFile[name] =
      secretFields.has(name) && value !== null && value !== ''
        ? { secret: indexerSecretName(input.name, name) }
        : value;
  }
  const existing = (await prowlarr.listProviders('indexer')).find(
    (p) => (p.name ?? '').toLowerCase() === input.name.toLowerCase(),
  );
  const body = existing
    ? mergeIndexer(existing, indexer, plain)
    : buildIndexer(template, indexer, plain, await firstAppProfileId(prowlarr));
  const check = await prowlarr.testProvider('indexer', body);
  if (!check.ok || input.testOnly) return { ok: check.ok, saved: false, messages: check.messages };
  // Secrets first: if the vault refuses, nothing was saved anywhere.
  for (const [name, value] of Object.entries(inFile))
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      await deps.vault.set(value.secret, String(plain[name]));
  if (existing) await prowlarr.updateProvider('indexer', body);
  else await prowlarr.createProvider('indexer', body);
  const items = arr.prowlarr.indexers.items.filter((i) => i.name.toLowerCase() !== input.name.toLowerCase());
  items.push({ ...indexer, fields: inFile });
  await writeArrConfig(
    cfg.installRoot,
    ArrConfigSchema.parse({ ...arr, prowlarr: { indexers: { ...arr.prowlarr.indexers, items } } }),
  );
  return { ok: true, saved: true, messages: [] };
}

/** "Keep the service's value in the file": sets one path of arr.yml and writes it (validated, atomic, backed up). */
export async function adoptIntoArrConfig(
  deps: Pick<IndexerServiceDeps, 'stack'>,
  input: { path: string[]; value: string | number | boolean | string[] },
): Promise<{ file: string; written: boolean }> {
  const cfg = await deps.stack();
  if (!cfg)
    throw new UpsFailure({ code: 'NOT_FOUND', message: 'No stack is installed yet.', fix: 'Finish the setup first.' });
  const arr = structuredClone((await readArrConfig(cfg.installRoot)) ?? defaultArrConfig(cfg)) as Record<
    string,
    unknown
  >;
  let node = arr;
  for (const key of input.path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next))
      throw new UpsFailure({
        code: 'BAD_INPUT',
        field: 'path',
        message: `arr.yml has no section ${input.path.join('.')}.`,
        fix: 'Refresh the plan and choose the value again.',
      });
    node = next as Record<string, unknown>;
  }
  node[input.path.at(-1)!] = input.value;
  const parsed = ArrConfigSchema.safeParse(arr);
  if (!parsed.success)
    throw new UpsFailure({
      code: 'BAD_INPUT',
      field: input.path.join('.'),
      message: `That value cannot go into arr.yml: ${z.prettifyError(parsed.error).split('\n')[0] ?? ''}`,
      fix: 'Edit arr.yml by hand, or apply the file value instead.',
    });
  const report = await writeArrConfig(cfg.installRoot, parsed.data);
  return { file: arrConfigPath(cfg.installRoot), written: report.written.length > 0 };
}
