// Prowlarr indexers (/api/v1/indexer): the definition list from `indexer/schema`, an indexer built from its
// definition's template, compared with what Prowlarr holds, and tested with `indexer/test` before it is saved.
// Rules from Prowlarr v2.3.5.5327: src/Prowlarr.Api.V1/ProviderControllerBase.cs (name unique, test on save),
// src/Prowlarr.Api.V1/Indexers/IndexerController.cs (priority 1..50, app profile must exist),
// src/Prowlarr.Api.V1/Indexers/IndexerResource.cs (Cardigann definitions by `definitionName`, unknown fields refused).
import * as z from 'zod';
import { UpsFailure } from '../../contract';
import type { ArrIndexer, FieldValue, IndexerDefinition } from '../../contract/arr-config';
import type { ArrClient } from './arr-common';
import { MASKED_SECRET, type Provider } from './arr-common-schemas';

const AppProfiles = z.array(z.looseObject({ id: z.number().int(), name: z.string().nullable().optional() }));

/** The indexer's definition name as arr.yml spells it: Cardigann's `definitionName`, else the implementation. */
export function definitionOf(p: Provider): string {
  const def = (p as { definitionName?: string | null }).definitionName;
  return def || p.implementation || '';
}

export function findTemplate(templates: Provider[], definition: string): Provider | undefined {
  const want = definition.toLowerCase();
  return (
    templates.find((t) => ((t as { definitionName?: string | null }).definitionName ?? '').toLowerCase() === want) ??
    templates.find((t) => (t.implementation ?? '').toLowerCase() === want)
  );
}

const text = (v: unknown, fallback: string) => (typeof v === 'string' && v !== '' ? v : fallback);

const isSecretField = (privacy: unknown) => privacy === 'password' || privacy === 'apiKey';

/** A schema entry as the dialog shows it: what it is, and which fields it asks for (hidden ones left out). */
export function definitionView(t: Provider): IndexerDefinition {
  const raw = t as Record<string, unknown>;
  const privacy = raw.privacy === 'public' || raw.privacy === 'semiPrivate' ? raw.privacy : 'private';
  return {
    definition: definitionOf(t),
    // Prowlarr names each schema entry after its definition (IndexerFactory: Name = the definition's name).
    name: text(t.name, text(raw.implementationName, definitionOf(t))),
    description: text(raw.description, ''),
    privacy,
    protocol: text(raw.protocol, 'unknown'),
    fields: (t.fields ?? [])
      .filter((f) => f.name && (f as { hidden?: string }).hidden !== 'hidden' && f.type !== 'info')
      .map((f) => {
        const opts = (f as { selectOptions?: { value: number | string; name: string }[] | null }).selectOptions;
        return {
          name: f.name!,
          label: String((f as { label?: string }).label ?? f.name),
          type: text(f.type, 'textbox'),
          secret: isSecretField(f.privacy),
          advanced: (f as { advanced?: boolean }).advanced === true,
          ...(f.value !== undefined ? { value: f.value } : {}),
          ...(opts ? { options: opts.map((o) => ({ value: o.value, name: String(o.name) })) } : {}),
        };
      }),
  };
}

export function indexerTemplates(client: ArrClient): Promise<Provider[]> {
  return client.providerTemplates('indexer');
}

/** Prowlarr refuses an indexer without an existing app profile (AppProfileExistsValidator): use its first one. */
export async function firstAppProfileId(client: ArrClient): Promise<number> {
  const profiles = await client.getJson(AppProfiles, 'appprofile');
  const first = profiles[0];
  if (!first)
    throw new UpsFailure({
      code: 'INTERNAL',
      message: 'Prowlarr has no app profile, so no indexer can be added.',
      fix: 'Open Prowlarr → Settings → Apps → Sync Profiles and add one (a fresh Prowlarr has "Standard").',
    });
  return first.id;
}

/** The file's values with every `{ secret }` reference read from the vault; a missing entry is named with its fix. */
export async function resolveFields(
  indexer: ArrIndexer,
  secret: (name: string) => Promise<string | null>,
): Promise<Record<string, Exclude<FieldValue, { secret: string }>>> {
  const out: Record<string, Exclude<FieldValue, { secret: string }>> = {};
  for (const [name, value] of Object.entries(indexer.fields)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const v = await secret(value.secret);
      if (!v)
        throw new UpsFailure({
          code: 'NOT_FOUND',
          message: `The vault has no ${value.secret}, which arr.yml names for indexer "${indexer.name}" (field ${name}).`,
          fix: `Add the indexer again from the dashboard's Indexers dialog (it stores the key), or remove it from arr.yml.`,
        });
      out[name] = v;
    } else out[name] = value;
  }
  return out;
}

/** The template filled in: name, enable, priority, app profile and each field by name; an unknown field is named. */
export function buildIndexer(
  template: Provider,
  indexer: ArrIndexer,
  fields: Record<string, unknown>,
  appProfileId: number,
): Provider {
  const p: Provider = structuredClone(template);
  delete p.id;
  delete (p as { presets?: unknown }).presets;
  Object.assign(p, { name: indexer.name, enable: indexer.enable, priority: indexer.priority, appProfileId });
  p.fields = (p.fields ?? []).map((f) => ({ ...f }));
  for (const [name, value] of Object.entries(fields)) {
    const f = p.fields.find((x) => x.name === name);
    if (!f)
      throw new UpsFailure({
        code: 'BAD_INPUT',
        field: `arr.yml prowlarr.indexers "${indexer.name}".fields.${name}`,
        message: `Prowlarr's ${indexer.definition} definition has no field "${name}".`,
        fix: `Remove it from arr.yml; the definition's fields are: ${(template.fields ?? [])
          .map((x) => x.name)
          .filter(Boolean)
          .join(', ')}.`,
      });
    f.value = value;
  }
  return p;
}

/** What differs between Prowlarr's indexer and the file; masked secrets count as equal (they cannot be read back). */
export function indexerDrift(existing: Provider, indexer: ArrIndexer, fields: Record<string, unknown>): string[] {
  const out: string[] = [];
  const raw = existing as Record<string, unknown>;
  if (definitionOf(existing).toLowerCase() !== indexer.definition.toLowerCase()) out.push('definition');
  if (raw.enable !== indexer.enable) out.push('enable');
  if (raw.priority !== indexer.priority) out.push('priority');
  for (const [name, value] of Object.entries(fields)) {
    const f = existing.fields?.find((x) => x.name === name);
    if (f && isSecretField(f.privacy) && f.value === MASKED_SECRET) continue;
    if (!f || JSON.stringify(f.value ?? null) !== JSON.stringify(value ?? null)) out.push(name);
  }
  return out;
}

/** The existing indexer with the file's values written over it (masked secrets not given stay masked = kept). */
export function mergeIndexer(existing: Provider, indexer: ArrIndexer, fields: Record<string, unknown>): Provider {
  const p: Provider = structuredClone(existing);
  Object.assign(p, { enable: indexer.enable, priority: indexer.priority });
  p.fields = (p.fields ?? []).map((f) => (f.name && f.name in fields ? { ...f, value: fields[f.name] } : { ...f }));
  return p;
}
