// Validates a compose document against the Compose Specification's JSON schema (tests/fixtures/compose-spec, the
// schema Compose v2 checks files with), so generated files are checked without needing a Compose v2 binary.
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/compose-spec/compose-spec.json', import.meta.url)), 'utf8'),
) as Record<string, unknown>;
// The schema declares draft-07 under an https id ajv does not know by that spelling; the keywords are draft-07's.
delete schema.$schema;
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

/** The schema's complaints about a parsed compose document, one line each; empty when it is valid. */
export function composeSchemaErrors(doc: unknown): string[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
