// The fakes' judge must be able to say no: undeclared paths, methods, query keys, body fields, types and statuses.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OpenApiContract, SpecViolation } from '../fakes/openapi-contract';

const spec = (f: string) => fileURLToPath(new URL(`../fixtures/specs/${f}`, import.meta.url));
const radarr = new OpenApiContract('radarr', spec('radarr-v3-openapi.json'));
const seerr = new OpenApiContract('seerr', spec('seerr-api.yml'), '/api/v1');
const q = (s = '') => new URLSearchParams(s);

describe('OpenAPI contract used by the fakes', () => {
  it('accepts a declared request and matches literal paths before templated ones', () => {
    const m = radarr.checkRequest('GET', '/api/v3/downloadclient/schema', q(), undefined);
    expect(m.operation.template).toBe('/api/v3/downloadclient/schema');
    const put = radarr.checkRequest('PUT', '/api/v3/downloadclient/7', q('forceSave=true'), {
      id: 7,
      name: null,
      fields: [{ name: 'host', value: 'vpn' }],
    });
    expect([put.pathParams.id, put.query.forceSave]).toEqual(['7', true]);
  });

  it.each([
    ['unknown path', () => radarr.checkRequest('GET', '/api/v3/nope', q(), undefined), 'not in the spec'],
    ['undeclared method', () => radarr.checkRequest('PATCH', '/api/v3/downloadclient', q(), {}), 'not declared'],
    [
      'undeclared query',
      () => radarr.checkRequest('GET', '/api/v3/downloadclient', q('page=1'), undefined),
      'query parameter "page"',
    ],
    [
      'wrong query type',
      () => radarr.checkRequest('POST', '/api/v3/downloadclient', q('forceSave=yes'), {}),
      'query forceSave',
    ],
    [
      'non-integer path id',
      () => radarr.checkRequest('GET', '/api/v3/downloadclient/abc', q(), undefined),
      'path param id',
    ],
    [
      'extra body property',
      () => radarr.checkRequest('POST', '/api/v3/rootfolder', q(), { path: '/x', bogus: 1 }),
      'additional properties',
    ],
    ['wrong body type', () => radarr.checkRequest('POST', '/api/v3/rootfolder', q(), { path: 5 }), '/path'],
    [
      'body where none is declared',
      () => radarr.checkRequest('GET', '/api/v3/rootfolder', q(), { a: 1 }),
      'not declared',
    ],
    [
      'missing required body (Seerr)',
      () => seerr.checkRequest('POST', '/api/v1/settings/radarr', q(), undefined),
      'required',
    ],
    ['missing required field (Seerr)', () => seerr.checkRequest('POST', '/api/v1/auth/plex', q(), {}), 'authToken'],
  ])('rejects %s', (_name, call, text) => {
    expect(call).toThrow(SpecViolation);
    expect(call).toThrow(text);
  });

  it('applies OpenAPI 3.0 nullable and refuses undeclared statuses or shapes in responses', () => {
    const m = radarr.checkRequest('GET', '/api/v3/rootfolder', q(), undefined);
    expect(() => radarr.checkResponse(m, 200, [{ id: 1, path: null, freeSpace: null }])).not.toThrow();
    expect(() => radarr.checkResponse(m, 200, [{ id: 1, accessible: null }])).toThrow('accessible');
    expect(() => radarr.checkResponse(m, 200, [{ id: 'one' }])).toThrow('/0/id');
    expect(() => radarr.checkResponse(m, 404, undefined)).toThrow('status not declared');
  });

  it('does not require readOnly properties in requests but does in responses (Seerr PlexSettings)', () => {
    const m = seerr.checkRequest('POST', '/api/v1/settings/plex', q(), { ip: 'plex', port: 32400 });
    expect(() => seerr.checkResponse(m, 200, { ip: 'plex', port: 32400 })).toThrow('name');
  });
});
