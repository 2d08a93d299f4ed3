// Validates untrusted StackConfig input (answers file, stack.yml, UI) into every problem, each naming its field and fix.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import * as z from 'zod';
import { fromZodError, StackConfigSchema, type StackConfig, type UpsError } from '../contract';

export type ConfigResult = { ok: true; value: StackConfig } | { ok: false; errors: UpsError[] };

export function validateStackConfig(input: unknown): ConfigResult {
  const parsed = StackConfigSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: parsed.error.issues.map(issueToError) };
}

/** Parses YAML text (an answers file or stack.yml) and validates it; `source` names the file in errors. */
export function validateStackConfigText(text: string, source: string): ConfigResult {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    const line = err instanceof YAMLParseError ? err.linePos?.[0]?.line : undefined;
    const where = line ? `${source} line ${line}` : source;
    return {
      ok: false,
      errors: [
        {
          code: 'BAD_INPUT',
          field: source,
          message: `${where} is not valid YAML: ${firstLine(err)}`,
          fix: 'Fix the YAML syntax (indentation, colons, quotes) at that line.',
        },
      ],
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return {
      ok: false,
      errors: [
        {
          code: 'BAD_INPUT',
          field: source,
          message: `${source} must be a YAML mapping of settings.`,
          fix: 'Start from the example answers file: keys installRoot, dataRoot, timeZone, services, vpn.',
        },
      ],
    };
  }
  return validateStackConfig(data);
}

function issueToError(issue: z.core.$ZodIssue): UpsError {
  // Unknown keys are named one by one so the field points at the key to delete.
  if (issue.code === 'unrecognized_keys') {
    const base = issue.path.map(String).join('.');
    const key = issue.keys[0] ?? '';
    const field = base ? `${base}.${key}` : key;
    return {
      code: 'BAD_INPUT',
      field,
      message: `${field}: unknown setting.`,
      fix: `Remove ${issue.keys.join(', ')} (check the spelling against the documented settings).`,
    };
  }
  const e = fromZodError(new z.ZodError([issue]), '');
  return { ...e, field: e.field || 'config' };
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}
