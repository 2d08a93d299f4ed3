// Validates request bodies the way Nginx Proxy Manager does, against NPM's own JSON schemas copied from its repo
// (tests/fixtures/specs/npm-v2.15.1-schema, tag v2.15.1): a body NPM would refuse with 400 is refused here too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { fixturePath } from './fixture-path';

const ROOT = fixturePath('specs/npm-v2.15.1-schema');
const BASE = 'https://npm.schema.local/';

/** Operation files NPM's routes validate with, keyed as the routes name them (backend/routes/*.js @ v2.15.1). */
const operations: Record<string, string> = {
  'POST /tokens': 'paths/tokens/post.json', // routes/tokens.js: getValidationSchema("/tokens", "post")
  'POST /users': 'paths/users/post.json', // routes/users.js: getValidationSchema("/users", "post")
  'POST /nginx/proxy-hosts': 'paths/nginx/proxy-hosts/post.json', // routes/nginx/proxy_hosts.js
  'PUT /nginx/proxy-hosts/{hostID}': 'paths/nginx/proxy-hosts/hostID/put.json', // routes/nginx/proxy_hosts.js
  'POST /nginx/certificates': 'paths/nginx/certificates/post.json', // routes/nginx/certificates.js
};

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return jsonFiles(p);
    return name.endsWith('.json') ? [p] : [];
  });
}

/**
 * NPM's `backend/lib/validator/api.js` @ v2.15.1: `new Ajv({ verbose: true, allErrors: true, allowUnionTypes: true,
 * strict: false, coerceTypes: true })` from `ajv/dist/2020.js`, run on the request-body schema of the route's
 * operation after `backend/schema/index.js` dereferenced swagger.json. Here ajv resolves the same relative `$ref`s
 * itself: every file is registered under its path, so `../common.json#/…` points where it points in NPM's tree.
 */
function build() {
  const ajv = new Ajv2020({ verbose: true, allErrors: true, allowUnionTypes: true, strict: false, coerceTypes: true });
  for (const file of jsonFiles(ROOT)) {
    const id = BASE + relative(ROOT, file).split('\\').join('/');
    // Operation files are OpenAPI objects, not schemas: register them without checking them against the meta-schema.
    ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')) as object, id, undefined, false);
  }
  const compiled = new Map(
    Object.entries(operations).map(([key, file]) => [
      key,
      ajv.compile({ $ref: `${BASE}${file}#/requestBody/content/application~1json/schema` }),
    ]),
  );
  return { ajv, compiled };
}

let cache: ReturnType<typeof build> | null = null;

/**
 * Checks (and, like NPM, type-coerces in place) one request body. Returns NPM's 400 message (`ajv.errorsText`, e.g.
 * `data/meta must NOT have additional properties`) or null when NPM would accept the body.
 */
export function npmBodyError(operation: keyof typeof operations | string, body: unknown): string | null {
  cache ??= build();
  const validate = cache.compiled.get(operation);
  if (!validate) throw new Error(`npm-schema-validator: no schema registered for ${operation}`);
  if (body === undefined) return 'Payload is undefined';
  if (validate(body) && !validate.errors) return null;
  return cache.ajv.errorsText(validate.errors);
}
