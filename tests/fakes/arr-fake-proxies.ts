// Prowlarr's indexer proxies and tags on the Prowlarr fake: the FlareSolverr/Http templates, the save-time validation,
// the test Prowlarr runs on save, and tag creation. Rules from Prowlarr (mirror v2.3.5.5327; the image pins 2.5.2.5491):
// - src/NzbDrone.Core/IndexerProxies/IndexerProxyDefinition.cs: `Enable => Tags.Any()`. ProviderControllerBase.cs
//   validates and tests only enabled definitions, so an untagged proxy is stored unchecked.
// - IndexerProxies/FlareSolverr/FlareSolverrSettings.cs: fields `host` (default "http://localhost:8191/", NotEmpty)
//   and `requestTimeout` (default 60, InclusiveBetween(1, 180), advanced, unit seconds).
// - IndexerProxies/FlareSolverr/FlareSolverr.cs `Test()`: POST `<host without trailing />/v1` with
//   `{cmd: "request.get", url: "https://prowlarr.servarr.com/v1/ping", maxTimeout: requestTimeout*1000}`
//   (Common/Cloud/ProwlarrCloudRequestBuilder.cs); a status other than 200 fails with "Failed to test proxy. Status
//   code: …", an exception (no connection) with "Unable to connect to proxy: … . Check the log surrounding this error
//   for details" (Localization/Core/en.json ProxyValidationBadRequest / ProxyValidationUnableToConnect), on `Host`.
// - Prowlarr.Api.V1/Tags/TagController.cs: label NotEmpty, `^[a-z0-9-]+$` (ignore case) "Allowed characters a-z, 0-9
//   and -"; Core/Tags/TagService.cs `Add`: an existing label answers that tag, a new one is stored lower-cased.
import type { FakeNetwork, Failure } from './arr-fake-checks';
import { fieldValue } from './arr-fake-checks';

type Json = Record<string, unknown>;

function field(order: number, name: string, label: string, value: unknown, type: string, advanced = false): Json {
  return { order, name, label, value, type, advanced, privacy: 'normal', isFloat: false };
}

export function indexerProxyTemplates(): Json[] {
  const base = (impl: string, fields: Json[]): Json => ({
    name: '',
    fields,
    implementationName: impl,
    implementation: impl,
    configContract: `${impl}Settings`,
    infoLink: `https://wiki.servarr.com/prowlarr/supported#${impl.toLowerCase()}`,
    tags: [],
    presets: [],
    onHealthIssue: false,
    supportsOnHealthIssue: false,
    includeHealthWarnings: false,
  });
  return [
    base('FlareSolverr', [
      field(0, 'host', 'Host', 'http://localhost:8191/', 'textbox'),
      field(2, 'requestTimeout', 'Request Timeout', 60, 'number', true),
    ]),
    // IndexerProxies/Http/HttpSettings.cs: host, port, username, password (listed so the schema is not FlareSolverr only).
    base('Http', [
      field(0, 'host', 'Host', '', 'textbox'),
      field(1, 'port', 'Port', 8080, 'textbox'),
      field(2, 'username', 'Username', '', 'textbox'),
      { ...field(3, 'password', 'Password', '', 'password'), privacy: 'password' },
    ]),
  ];
}

export const proxyEnabled = (p: Json): boolean => Array.isArray(p.tags) && p.tags.length > 0;

/** FlareSolverrSettingsValidator (FluentValidation's default messages, property names split into words). */
export function proxySaveFailures(p: Json): Failure[] {
  if (p.implementation !== 'FlareSolverr') return [];
  const out: Failure[] = [];
  const host = fieldValue(p, 'host');
  if (typeof host !== 'string' || host.trim() === '')
    out.push({ message: "'Host' must not be empty.", property: 'Host' });
  const timeout = Number(fieldValue(p, 'requestTimeout'));
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 180)
    out.push({
      message: `'Request Timeout' must be between 1 and 180. You entered ${String(fieldValue(p, 'requestTimeout'))}.`,
      property: 'RequestTimeout',
    });
  return out;
}

/** FlareSolverr.cs Test(): the proxy container asked to fetch Prowlarr's ping page, through the fake network. */
export async function testIndexerProxy(p: Json, network: FakeNetwork): Promise<Failure[]> {
  if (p.implementation !== 'FlareSolverr') return [{ message: `the fake cannot test ${String(p.implementation)}` }];
  const host = String(fieldValue(p, 'host') ?? '');
  const unable = (why: string): Failure[] => [
    {
      message: `Unable to connect to proxy: ${why}. Check the log surrounding this error for details`,
      property: 'Host',
    },
  ];
  let url: URL;
  try {
    url = new URL(`${host.replace(/\/+$/, '')}/v1`);
  } catch {
    return unable(`Invalid URI: ${host}`);
  }
  const hostPort = `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
  const target = network[hostPort];
  if (!target) return unable(`Name or service not known (${hostPort})`);
  let res: Response;
  try {
    res = await fetch(`${target.url}${url.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        cmd: 'request.get',
        url: 'https://prowlarr.servarr.com/v1/ping',
        maxTimeout: Number(fieldValue(p, 'requestTimeout')) * 1000,
      }),
      signal: AbortSignal.timeout(5000),
    });
    await res.text();
  } catch {
    return unable(`Connection refused (${hostPort})`);
  }
  return res.status === 200
    ? []
    : [
        {
          message: `Failed to test proxy. Status code: ${res.status === 500 ? 'InternalServerError' : res.status}`,
          property: 'Host',
        },
      ];
}

/** TagController + TagService.Add. */
export function addTag(tags: Json[], label: unknown, nextId: () => number): { ok: Json } | { failure: Failure } {
  const text = typeof label === 'string' ? label : '';
  if (text === '') return { failure: { message: "'Label' must not be empty.", property: 'Label' } };
  if (!/^[a-z0-9-]+$/i.test(text))
    return { failure: { message: 'Allowed characters a-z, 0-9 and -', property: 'Label' } };
  // TagRepository.FindByLabel compares as stored (labels are stored lower-cased).
  const existing = tags.find((t) => t.label === text);
  if (existing) return { ok: existing };
  const tag = { id: nextId(), label: text.toLowerCase() };
  tags.push(tag);
  return { ok: tag };
}
