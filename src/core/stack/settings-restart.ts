// Which services a settings change restarts: those whose compose definition, with the .env values put in, differs
// between the installed config and the changed one. That is what `compose up -d` compares (each service's config
// hash) when it decides which containers to recreate, so the confirm can name them before anything is written.
import { parse } from 'yaml';
import type { StackConfig } from '../contract';
import type { Catalog } from './catalog';
import { envValues } from './env-file';
import { generateCompose } from './generate-compose';

/** `${NAME}`, `${NAME:-default}`, `${NAME:?message}` as compose interpolates them from .env. */
const VAR = /\$\{([A-Z0-9_]+)(?::?[-?][^}]*)?\}/g;

function resolvedServices(cfg: StackConfig, catalog: Catalog, publishHost?: string): Map<string, string> {
  const env = new Map(envValues(cfg));
  const doc = parse(generateCompose(cfg, catalog, publishHost).text) as { services?: Record<string, unknown> };
  const out = new Map<string, string>();
  for (const [name, body] of Object.entries(doc.services ?? {}))
    // Secrets (UPS_…) are not in .env: they stay as placeholders, the same on both sides.
    out.set(
      name,
      JSON.stringify(body).replace(VAR, (whole, v: string) => env.get(v) ?? whole),
    );
  return out;
}

/** Services of `after` that are new or whose resolved definition changed, in compose order. */
export function servicesToRestart(
  before: StackConfig,
  after: StackConfig,
  catalog: Catalog,
  publishHost?: string,
): string[] {
  const was = resolvedServices(before, catalog, publishHost);
  const next = resolvedServices(after, catalog, publishHost);
  const changed = new Set([...next].filter(([name, def]) => was.get(name) !== def).map(([name]) => name));
  // A client living in a restarted service's network (network_mode: service:vpn, docs/decisions.md D6) loses its
  // network with it: it restarts too, as far as the user can tell.
  return [...next.keys()].filter(
    (name) => changed.has(name) || [...changed].some((c) => next.get(name)!.includes(`"network_mode":"service:${c}"`)),
  );
}
