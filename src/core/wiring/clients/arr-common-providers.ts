// Builds and compares Arr providers from the service's own `…/schema` templates, field by name (electron-free).
import { MASKED_SECRET, type ArrField, type Provider } from './arr-common-schemas';

/** What we want a provider to be: its identity, top-level settings and field values by field name. */
export interface DesiredProvider {
  name: string;
  implementation: string;
  /** Top-level properties, e.g. `{ enable: true }` or `{ syncLevel: 'fullSync' }`. */
  settings: Record<string, unknown>;
  fields: Record<string, unknown>;
  /** Field names holding secrets: the service answers them masked, so they cannot be compared. */
  secretFields: string[];
  /** The secret fields' values were just replaced: a masked answer then counts as different, not as equal. */
  secretsReplaced?: boolean;
}

/** Fills a template from `…/schema`; an unknown field name is a hard error (the service version changed shape). */
export function buildProvider(templates: Provider[], desired: DesiredProvider, service: string): Provider {
  const template = templates.find((t) => t.implementation === desired.implementation);
  if (!template) {
    const known = templates.map((t) => t.implementation).join(', ');
    throw new Error(
      `${service} offers no "${desired.implementation}" provider (it offers: ${known}); this ${service} version is not supported.`,
    );
  }
  const provider: Provider = structuredClone(template);
  delete provider.id;
  delete provider.presets; // the templates' presets are UI suggestions, not part of a saved provider
  provider.name = desired.name;
  Object.assign(provider, desired.settings);
  provider.fields = setFields(provider.fields ?? [], desired.fields, service, desired.implementation);
  return provider;
}

/** The existing provider with the desired values written over it; masked secrets not being changed stay masked. */
export function mergeProvider(existing: Provider, desired: DesiredProvider, service: string): Provider {
  const merged: Provider = structuredClone(existing);
  Object.assign(merged, desired.settings);
  merged.fields = setFields(merged.fields ?? [], desired.fields, service, desired.implementation);
  return merged;
}

/** Names what differs (`host`, `enable`…); empty means "nothing to do". Masked secrets count as equal. */
export function providerDrift(existing: Provider, desired: DesiredProvider): string[] {
  const drift: string[] = [];
  for (const [key, value] of Object.entries(desired.settings)) {
    if (!sameValue((existing as Record<string, unknown>)[key], value)) drift.push(key);
  }
  if (existing.implementation !== desired.implementation) drift.push('implementation');
  for (const [name, value] of Object.entries(desired.fields)) {
    const field = existing.fields?.find((f) => f.name === name);
    if (!field) {
      drift.push(name);
      continue;
    }
    if (desired.secretFields.includes(name) && field.value === MASKED_SECRET) {
      if (desired.secretsReplaced) drift.push(`${name} (replaced)`);
      continue;
    }
    if (!sameValue(field.value, value)) drift.push(name);
  }
  return drift;
}

export function findProvider(list: Provider[], name: string): Provider | undefined {
  return list.find((p) => (p.name ?? '').toLowerCase() === name.toLowerCase());
}

function setFields(fields: ArrField[], values: Record<string, unknown>, service: string, impl: string): ArrField[] {
  const out = fields.map((f) => ({ ...f }));
  for (const [name, value] of Object.entries(values)) {
    const field = out.find((f) => f.name === name);
    if (!field)
      throw new Error(
        `${service}'s ${impl} provider has no field "${name}"; this ${service} version is not supported.`,
      );
    field.value = value;
  }
  return out;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return a === b || (a == null && b == null);
}

/** qBittorrent or NZBGet as an Arr/Prowlarr download client; `categoryField` is the service's own field name. */
export function downloadClientProvider(o: {
  client: 'qbittorrent' | 'nzbget';
  host: string;
  port: number;
  username: string;
  password: string;
  categoryField: string;
  category: string;
  replaced?: boolean;
}): DesiredProvider {
  return {
    name: o.client === 'qbittorrent' ? 'qBittorrent' : 'NZBGet',
    implementation: o.client === 'qbittorrent' ? 'QBittorrent' : 'Nzbget',
    settings: { enable: true },
    fields: {
      host: o.host,
      port: o.port,
      useSsl: false,
      username: o.username,
      password: o.password,
      [o.categoryField]: o.category,
    },
    secretFields: ['password'],
    secretsReplaced: o.replaced ?? false,
  };
}
