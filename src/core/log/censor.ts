// Censoring by key name (docs/decisions.md D4), shared by the pino logger and the doors' line log: belt and braces for
// values the vault has not seen yet (e.g. a password on its way in). No pino here: the line log must not load it.
export const CENSORED = '[REDACTED]';

export const sensitiveKeys = [
  'password',
  'token',
  'apiKey',
  'api_key',
  'privateKey',
  'private_key',
  'secret',
  'authorization',
];

/** pino's redact paths for the same rule: a sensitive key at the top of a line's fields or one level down. */
export const redactPaths = [...sensitiveKeys, ...sensitiveKeys.map((k) => `*.${k}`)];

const sensitive = new Set(sensitiveKeys);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A copy of `fields` censored as pino's `redactPaths` censor it (top level and one level down, present keys only). */
export function censorKeys(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (sensitive.has(k)) out[k] = CENSORED;
    else if (isRecord(v) && !(v instanceof Error) && Object.keys(v).some((c) => sensitive.has(c)))
      out[k] = Object.fromEntries(Object.entries(v).map(([c, x]) => [c, sensitive.has(c) ? CENSORED : x]));
    else out[k] = v;
  }
  return out;
}
