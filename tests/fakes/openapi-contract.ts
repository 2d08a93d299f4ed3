// Checks requests and responses against a service's own OpenAPI 3.0 file (tests/fixtures/specs), so a fake can refuse
// anything the real service does not declare: unknown path/method/query, wrong body, undeclared status or shape.
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

// ajv-formats ships CJS with a default export; under ESM interop it can arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  a: Ajv,
) => Ajv;

type Json = Record<string, unknown>;
type Direction = 'request' | 'response';

export class SpecViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecViolation';
  }
}

interface Operation {
  template: string;
  method: string;
  regex: RegExp;
  pathParams: string[];
  op: Json;
  params: Json[];
}

export interface MatchedRequest {
  operation: Operation;
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
}

/** OpenAPI 3.0 → JSON Schema for ajv: `nullable` becomes a null alternative; readOnly fields are not required in requests. */
function toJsonSchema(node: unknown, dir: Direction): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, dir));
  if (!node || typeof node !== 'object') return node;
  const src = node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === 'nullable' || k === 'example' || k === 'examples' || k === 'xml' || k === 'discriminator') continue;
    out[k] = k === 'properties' ? mapValues(v as Json, (p) => toJsonSchema(p, dir)) : toJsonSchema(v, dir);
  }
  if (dir === 'request' && Array.isArray(src.required) && src.properties) {
    const props = src.properties as Record<string, Json>;
    out.required = (src.required as string[]).filter((r) => !props[r]?.readOnly);
  }
  if (src.nullable === true) {
    if (typeof src.type === 'string') {
      out.type = [src.type, 'null'];
      if (Array.isArray(src.enum)) out.enum = [...src.enum, null];
    } else if (src.type === undefined && Object.keys(out).length > 0) {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

function mapValues(obj: Json, fn: (v: unknown) => unknown): Json {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
}

export class OpenApiContract {
  private readonly ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  private readonly operations: Operation[] = [];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(
    readonly name: string,
    specFile: string,
    /** Prefix the spec's paths live under (Seerr declares `/api/v1` as its server URL). */
    private readonly basePath = '',
  ) {
    const text = readFileSync(specFile, 'utf8');
    const spec = (specFile.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as Json;
    addFormats(this.ajv);
    const components = (spec.components ?? {}) as Json;
    for (const dir of ['request', 'response'] as const) {
      this.ajv.addSchema({ $id: `${name}-${dir}`, components: toJsonSchema(components, dir) });
    }
    const paths = spec.paths as Record<string, Json>;
    for (const [template, item] of Object.entries(paths)) {
      const pathParams: string[] = [];
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, p: string) => {
        pathParams.push(p);
        return '([^/]+)';
      });
      for (const [method, op] of Object.entries(item)) {
        if (method === 'parameters') continue;
        const params = [...((item.parameters as Json[]) ?? []), ...(((op as Json).parameters as Json[]) ?? [])];
        this.operations.push({
          template,
          method: method.toUpperCase(),
          regex: new RegExp(`^${basePath}${pattern}/?$`),
          pathParams,
          op: op as Json,
          params,
        });
      }
    }
    // Literal paths win over templated ones (`/downloadclient/schema` before `/downloadclient/{id}`).
    this.operations.sort((a, b) => a.pathParams.length - b.pathParams.length);
  }

  /** Validates method, path, path params, query and body; throws SpecViolation naming what is undeclared. */
  checkRequest(method: string, pathname: string, search: URLSearchParams, body: unknown): MatchedRequest {
    const onPath = this.operations.filter((o) => o.regex.test(pathname));
    if (onPath.length === 0) throw new SpecViolation(`${this.name}: path ${pathname} is not in the spec`);
    const operation = onPath.find((o) => o.method === method);
    if (!operation)
      throw new SpecViolation(
        `${this.name}: ${method} ${pathname} is not declared (declared: ${onPath.map((o) => o.method).join(', ')})`,
      );
    const where = `${this.name}: ${method} ${operation.template}`;
    const values = operation.regex.exec(pathname)!.slice(1);
    const pathParams: Record<string, string> = {};
    operation.pathParams.forEach((p, i) => (pathParams[p] = decodeURIComponent(values[i] ?? '')));
    for (const p of operation.params.filter((x) => x.in === 'path')) {
      this.checkValue(
        `${where} path param ${String(p.name)}`,
        coerce(pathParams[String(p.name)], p.schema as Json),
        p.schema,
      );
    }
    const query: Record<string, unknown> = {};
    const declaredQuery = operation.params.filter((x) => x.in === 'query');
    for (const key of new Set(search.keys())) {
      if (key === 'apikey') continue; // security scheme (query form), declared under components.securitySchemes
      const decl = declaredQuery.find((q) => q.name === key);
      if (!decl) throw new SpecViolation(`${where}: query parameter "${key}" is not declared`);
      const schema = decl.schema as Json;
      const raw = schema?.type === 'array' ? search.getAll(key) : search.get(key);
      query[key] = Array.isArray(raw) ? raw.map((r) => coerce(r, schema.items as Json)) : coerce(raw ?? '', schema);
      this.checkValue(`${where} query ${key}`, query[key], schema);
    }
    for (const q of declaredQuery) {
      if (q.required && !(String(q.name) in query))
        throw new SpecViolation(`${where}: required query "${String(q.name)}" missing`);
    }
    const rb = operation.op.requestBody as Json | undefined;
    if (body === undefined) {
      if (rb?.required) throw new SpecViolation(`${where}: request body is required`);
    } else {
      const schema = ((rb?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
      if (!schema) throw new SpecViolation(`${where}: a JSON request body is not declared`);
      this.checkValue(`${where} request body`, body, schema, 'request');
    }
    return { operation, pathParams, query };
  }

  /** Validates that the status is declared and the body matches its JSON schema (empty body when none is declared). */
  checkResponse(match: MatchedRequest, status: number, body: unknown): void {
    const where = `${this.name}: ${match.operation.method} ${match.operation.template} → ${status}`;
    const responses = match.operation.op.responses as Record<string, Json>;
    const decl = responses[String(status)] ?? responses.default;
    if (!decl)
      throw new SpecViolation(`${where}: status not declared (declared: ${Object.keys(responses).join(', ')})`);
    const content = decl.content as Record<string, Json> | undefined;
    const schema = content?.['application/json']?.schema;
    if (!schema) {
      if (body !== undefined) throw new SpecViolation(`${where}: a body is sent but none is declared`);
      return;
    }
    this.checkValue(`${where} response body`, body, schema, 'response');
  }

  private checkValue(where: string, value: unknown, schema: unknown, dir: Direction = 'request'): void {
    if (!schema) return;
    const validate = this.compile(schema, dir);
    if (!validate(value)) {
      const e = validate.errors?.[0];
      throw new SpecViolation(
        `${where}: ${e?.instancePath || '(root)'} ${e?.message ?? 'invalid'} ${e ? JSON.stringify(e.params) : ''}`,
      );
    }
  }

  private compile(schema: unknown, dir: Direction): ValidateFunction {
    const key = `${dir}:${JSON.stringify(schema)}`;
    let fn = this.cache.get(key);
    if (!fn) {
      // Rebase local refs onto the components document added in the constructor.
      const rebased = JSON.parse(
        JSON.stringify(toJsonSchema(schema, dir)).replace(/"#\/components\//g, `"${this.name}-${dir}#/components/`),
      );
      fn = this.ajv.compile(rebased as object);
      this.cache.set(key, fn);
    }
    return fn;
  }
}

function coerce(raw: string | undefined, schema: Json | undefined): unknown {
  if (raw === undefined) return undefined;
  const t = schema?.type;
  if (t === 'integer' || t === 'number') return raw.trim() !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
  if (t === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}
