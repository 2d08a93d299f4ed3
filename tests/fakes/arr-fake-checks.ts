// What the Arr fakes do when a provider is tested: really connect, through a map that models the Docker network
// (container host:port → a loopback URL), and run the same checks, in the same order and with the same messages, as
// the services' own `Test()` of a qBittorrent/NZBGet download client or a Prowlarr application. Upstream sources (read
// at Radarr v6.0.3.10276, Sonarr v4.0.19.2979, Prowlarr v2.3.5.5327; paths under src/NzbDrone.Core/):
//   Download/Clients/QBittorrent/QBittorrent.cs + QBittorrentProxyV2.cs, Download/Clients/Nzbget/Nzbget.cs +
//   NzbgetProxy.cs, Download/DownloadClientBase.cs (`Test()` turns an exception into "Test was aborted…"),
//   Localization/Core/en.json (Radarr/Sonarr message texts; Prowlarr's are inline and differ in places).
import type { FakeReply } from './spec-fake-server';

type Json = Record<string, unknown>;
export type ArrApp = 'radarr' | 'sonarr' | 'prowlarr';

export interface NetworkTarget {
  /** Where the target really answers: a real qbittorrent-nox/nzbget, another fake, a stand-in. */
  url: string;
}

/** Keyed `host:port` as seen from inside a container, e.g. `vpn:8080`, `radarr:7878`. */
export type FakeNetwork = Record<string, NetworkTarget>;

/** One FluentValidation failure as the services build it; `warning` = NzbDroneValidationFailure.IsWarning. */
export interface Failure {
  message: string;
  property?: string;
  warning?: boolean;
}

export function fieldValue(p: Json, name: string): unknown {
  return ((p.fields as Json[] | undefined) ?? []).find((f) => f.name === name)?.value;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The category field of each app's settings class (RadarrSettings.MovieCategory, Sonarr TvCategory, Prowlarr Category). */
const categoryField: Record<ArrApp, { name: string; property: string; imported?: string }> = {
  radarr: { name: 'movieCategory', property: 'MovieCategory', imported: 'movieImportedCategory' },
  sonarr: { name: 'tvCategory', property: 'TvCategory', imported: 'tvImportedCategory' },
  prowlarr: { name: 'category', property: 'Category' },
};

/** A .NET HttpClient failure text for a host the container cannot reach ("Connection refused (vpn:6789)"). */
class Unreachable extends Error {}
class HttpStatus extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function send(
  target: NetworkTarget | undefined,
  hostPort: string,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  if (!target) throw new Unreachable(`Name or service not known (${hostPort})`);
  try {
    return await fetch(`${target.url}${path}`, { ...init, signal: AbortSignal.timeout(5000) });
  } catch {
    throw new Unreachable(`Connection refused (${hostPort})`);
  }
}

export async function testDownloadClient(app: ArrApp, p: Json, network: FakeNetwork): Promise<Failure[]> {
  const hostPort = `${text(fieldValue(p, 'host'))}:${text(fieldValue(p, 'port'))}`;
  const target = network[hostPort];
  if (p.implementation === 'QBittorrent') return testQbittorrent(app, p, target, hostPort);
  if (p.implementation === 'Nzbget') return testNzbget(app, p, target, hostPort);
  return [{ message: `the fake cannot test ${text(p.implementation)}` }];
}

/** DownloadClientBase.Test(): an exception thrown by a check ends the test with this failure. */
const aborted = (err: unknown): Failure => ({
  message: `Test was aborted due to an error: ${err instanceof Error ? err.message : String(err)}`,
});

// ---- qBittorrent (QBittorrent.cs Test(): connection, then category, priority, torrent list) ----

async function testQbittorrent(
  app: ArrApp,
  p: Json,
  target: NetworkTarget | undefined,
  hostPort: string,
): Promise<Failure[]> {
  const prowlarr = app === 'prowlarr';
  let cookie = '';
  const call = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const res = await send(target, hostPort, path, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    if (res.status === 403) throw new AuthFailure();
    if (!res.ok) throw new HttpStatus(res.status);
    return res;
  };
  // QBittorrentProxyV2.AuthenticateClient: POST auth/login; 401/403 or a body other than "Ok." is an authentication
  // failure (DownloadClientAuthenticationException).
  const login = async () => {
    const body = new URLSearchParams({
      username: text(fieldValue(p, 'username')),
      password: text(fieldValue(p, 'password')),
    });
    const res = await send(target, hostPort, '/api/v2/auth/login', { method: 'POST', body });
    const answer = await res.text();
    if (res.status === 401 || res.status === 403 || (answer.trim() !== '' && answer.trim() !== 'Ok.'))
      throw new AuthFailure();
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };

  // TestConnection()
  try {
    await login();
    const version = (await (await call('/api/v2/app/webapiVersion')).text()).trim();
    if (compareVersion(version, '2.0') < 0)
      return [{ message: 'the fake models only qBittorrent WebUI API v2', property: 'Host' }];
    if (!prowlarr) {
      const cat = text(fieldValue(p, categoryField[app].name));
      if (cat === '')
        return [{ message: 'Category is recommended', property: categoryField[app].property, warning: true }];
      // RemovesCompletedDownloads(): share limits that remove torrents (Radarr/Sonarr only).
      const prefs = (await (await call('/api/v2/app/preferences')).json()) as Json;
      const minRetention = 60 * 24 * 14;
      const limits =
        prefs.max_ratio_enabled === true ||
        (prefs.max_seeding_time_enabled === true && Number(prefs.max_seeding_time) < minRetention);
      if (limits && (prefs.max_ratio_act === 1 || prefs.max_ratio_act === 3)) {
        return [{ message: 'qBittorrent is configured to remove torrents when they reach their Share Ratio Limit' }];
      }
    }
  } catch (err) {
    if (err instanceof AuthFailure)
      return [{ message: prowlarr ? 'Authentication failure' : 'Authentication Failure', property: 'Username' }];
    return [{ message: 'Unable to connect to qBittorrent', property: 'Host' }];
  }

  const out: Failure[] = [];
  // TestCategory(): a missing category is created (torrents/createCategory) and must then be listed.
  try {
    const f = categoryField[app];
    const wanted = [f.name, f.imported]
      .filter((n): n is string => !!n)
      .map((n) => text(fieldValue(p, n)))
      .filter((c) => c !== '');
    for (const category of wanted) {
      const has = async () => category in ((await (await call('/api/v2/torrents/categories')).json()) as Json);
      if (await has()) continue;
      await call('/api/v2/torrents/createCategory', {
        method: 'POST',
        body: new URLSearchParams({ category, savePath: '' }),
      });
      if (!(await has())) {
        out.push({
          message: prowlarr ? 'Configuration of label failed' : 'Configuration of category failed',
          property: f.property,
        });
        break;
      }
    }
  } catch (err) {
    return [...out, aborted(err)];
  }
  // TestPrioritySupport() is not modelled: the templates carry no priority field, i.e. the default "Last", which
  // skips it. TestGetTorrents():
  try {
    await call('/api/v2/torrents/info');
  } catch (err) {
    out.push({ message: `Failed to get the list of torrents: ${err instanceof Error ? err.message : String(err)}` });
  }
  return out;
}

class AuthFailure extends Error {}

// ---- NZBGet (Nzbget.cs Test(): connection, category, KeepHistory; each check calls NZBGet on its own) ----

async function testNzbget(
  app: ArrApp,
  p: Json,
  target: NetworkTarget | undefined,
  hostPort: string,
): Promise<Failure[]> {
  const prowlarr = app === 'prowlarr';
  const auth = `Basic ${Buffer.from(`${text(fieldValue(p, 'username'))}:${text(fieldValue(p, 'password'))}`).toString('base64')}`;
  // NzbgetProxy.ProcessRequest: JSON-RPC at <url>/jsonrpc with Basic auth; 401 → "Authentication failed for NzbGet…".
  const rpc = async (method: string): Promise<unknown> => {
    const res = await send(target, hostPort, '/jsonrpc', {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ method, params: [], id: 1 }),
    });
    if (res.status === 401) throw new Error('Authentication failed for NzbGet, please check your settings');
    if (!res.ok) throw new Error(`Unable to connect to NZBGet. HTTP ${res.status}`);
    const answer = (await res.json()) as { result?: unknown; error?: unknown };
    if (answer.error) throw new Error(`Error response received from NZBGet: ${JSON.stringify(answer.error)}`);
    return answer.result;
  };
  const out: Failure[] = [];
  try {
    // TestConnection()
    try {
      const version = text(await rpc('version')).split('-')[0]!;
      if (compareVersion(version, '12.0') < 0)
        out.push({
          message: prowlarr
            ? 'NZBGet version too low, need 12.0 or higher'
            : `NZBGet version should be at least 12.0. Version reported is ${version}`,
        });
    } catch (err) {
      const auth = err instanceof Error && /authentication failed/i.test(err.message);
      if (auth)
        out.push({ message: prowlarr ? 'Authentication failed' : 'Authentication Failure', property: 'Username' });
      else out.push({ message: 'Unable to connect to NZBGet', property: 'Host' });
    }
    // TestCategory(): GetCategories() reads Category1.Name, Category2.Name… from the running config and stops at the
    // first gap; the configured category must be one of them, compared case-sensitively.
    const config = new Map(((await rpc('config')) as { Name: string; Value: string }[]).map((o) => [o.Name, o.Value]));
    const names: string[] = [];
    for (let i = 1; i < 100 && config.has(`Category${i}.Name`); i++) names.push(config.get(`Category${i}.Name`)!);
    const f = categoryField[app];
    const category = text(fieldValue(p, f.name));
    if (category !== '' && !names.includes(category))
      out.push({ message: 'Category does not exist', property: f.property });
    // TestSettings(): KeepHistory must be 1..25000.
    const keep = Number.parseInt(config.get('KeepHistory') ?? '7', 10);
    if (!Number.isInteger(keep) || keep === 0)
      out.push({ message: 'NzbGet setting KeepHistory should be greater than 0' });
    else if (keep > 25000) out.push({ message: 'NzbGet setting KeepHistory should be less than 25000' });
  } catch (err) {
    out.push(aborted(err));
  }
  return out;
}

/** Numeric compare of dotted versions ("2.8.3" vs "2.0"); non-numbers count as 0. */
function compareVersion(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Prowlarr's application test calls the app's `system/status` with the API key it was given. */
export async function testApplication(p: Json, network: FakeNetwork): Promise<Failure[]> {
  const app = String(p.implementation);
  let hostPort = '';
  try {
    hostPort = new URL(String(fieldValue(p, 'baseUrl'))).host;
  } catch {
    return [{ message: `Invalid ${app} URL` }];
  }
  const target = network[hostPort];
  const fail = [{ message: `Unable to complete application test, cannot connect to ${app}` }];
  if (!target) return fail;
  try {
    const res = await fetch(`${target.url}/api/v3/system/status`, {
      headers: { 'X-Api-Key': text(fieldValue(p, 'apiKey')) },
      signal: AbortSignal.timeout(2000),
    });
    await res.arrayBuffer();
    if (res.status === 401) return [{ message: 'Unauthorized - ApiKey is invalid' }];
    return res.status === 200 ? [] : fail;
  } catch {
    return fail;
  }
}

/**
 * The real services answer a failed validation with HTTP 400 and the list of FluentValidation failures, serialised
 * by the error pipeline (Prowlarr.Http/ErrorManagement/ProwlarrErrorPipeline.cs: `STJson.ToJson(validationException
 * .Errors)`, camelCase), which the OpenAPI files do not declare.
 */
export function failures(list: (Failure | string)[], propertyName = ''): FakeReply {
  return {
    status: 400,
    offSpec: 'Servarr 400 validation-failure list (not in the OpenAPI files)',
    body: list
      .map((f) => (typeof f === 'string' ? { message: f } : f))
      .map((f) => ({
        isWarning: f.warning === true,
        propertyName: f.property ?? propertyName,
        errorMessage: f.message,
        severity: f.warning ? 'warning' : 'error',
      })),
  };
}
