// The service catalog (compose/*.yml): one fragment per service, loaded and checked before any generation.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { catalogServices, type CatalogService } from '../contract';
import { catalogDir } from './catalog-dir';

export { catalogDir } from './catalog-dir';

const ServiceBody = z.record(z.string(), z.unknown());

const FragmentSchema = z
  .object({
    'x-ups': z
      .object({
        publishOnVpn: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    services: z.record(z.string(), ServiceBody),
    volumes: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export interface Fragment {
  name: CatalogService;
  service: Record<string, unknown>;
  volumes: Record<string, unknown>;
  publishOnVpn: string[];
}

export type Catalog = Record<CatalogService, Fragment>;

/** Parses one fragment's text; the fragment must define exactly the service it is named after. */
export function parseFragment(name: CatalogService, text: string): Fragment {
  const parsed = FragmentSchema.safeParse(parse(text));
  if (!parsed.success)
    throw new Error(
      `compose/${name}.yml: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
    );
  const keys = Object.keys(parsed.data.services);
  const service = parsed.data.services[name];
  if (!service || keys.length !== 1)
    throw new Error(`compose/${name}.yml must define exactly one service named ${name} (found ${keys.join(', ')})`);
  return {
    name,
    service,
    volumes: parsed.data.volumes ?? {},
    publishOnVpn: parsed.data['x-ups']?.publishOnVpn ?? [],
  };
}

export async function loadCatalog(dir: string = catalogDir()): Promise<Catalog> {
  const entries = await Promise.all(
    catalogServices.map(
      async (name) => [name, parseFragment(name, await readFile(join(dir, `${name}.yml`), 'utf8'))] as const,
    ),
  );
  return Object.fromEntries(entries) as Catalog;
}
