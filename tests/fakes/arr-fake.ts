// Stateful fake of Radarr / Sonarr (/api/v3) or Prowlarr (/api/v1), validated against their OpenAPI files.
// Behaviour modelled on the real services: X-Api-Key auth (401 empty body), secrets answered masked as `********` and
// kept when sent back masked on PUT, providers tested on save against the real targets (400 + validation failures,
// nothing stored), settings given in the environment winning over config.xml on every read.
import { fixturePath } from './fixture-path';
import { OpenApiContract } from './openapi-contract';
import { SpecFakeServer, type FakeReply, type FakeRequest } from './spec-fake-server';
import { profileFailures } from './arr-fake-config';
import { templatesFor } from './arr-fake-templates';
import { addMovieRoutes, type MovieFakeState } from './arr-fake-movies';
import { addTag, indexerProxyTemplates, proxyEnabled, proxySaveFailures, testIndexerProxy } from './arr-fake-proxies';
import {
  appProfiles,
  indexerSaveFailures,
  indexerTemplates,
  mediaManagementDefaults,
  namingDefaults,
  notificationEnabled,
  notificationTemplates,
  qualityProfileTemplate,
  testIndexer,
  testPlexNotification,
  unknownCardigannField,
} from './arr-fake-config';
import {
  failures,
  testApplication,
  testDownloadClient,
  type ArrApp,
  type Failure,
  type FakeNetwork,
} from './arr-fake-checks';

export type { ArrApp } from './arr-fake-checks';
type Json = Record<string, unknown>;
type Kind = 'downloadclient' | 'applications' | 'notification' | 'indexer' | 'indexerproxy';

const MASK = '********';
const specFile: Record<ArrApp, string> = {
  radarr: 'radarr-v3-openapi.json',
  sonarr: 'sonarr-v3-openapi.json',
  prowlarr: 'prowlarr-v1-openapi.json',
};
const contracts = new Map<ArrApp, OpenApiContract>();

export interface ArrFakeState {
  downloadclient: Json[];
  applications: Json[];
  notification: Json[];
  indexer: Json[];
  /** Prowlarr's indexer proxies (FlareSolverr…) and tags. */
  indexerproxy: Json[];
  tag: Json[];
  qualityprofile: Json[];
  naming: Json;
  mediamanagement: Json;
  rootfolder: Json[];
  host: Json;
  /** Folders that exist "inside the container" (a root folder must exist to be added). */
  folders: Set<string>;
}

export interface ArrFakeOptions {
  /**
   * The container's environment, e.g. `{ RADARR__AUTH__REQUIRED: 'DisabledForLocalAddresses' }`. .NET configuration
   * maps `RADARR__AUTH__REQUIRED` to `Radarr:Auth:Required` (src/NzbDrone.Host/Bootstrap.cs: `AddEnvironmentVariables()`
   * and `Configure<AuthOptions>(config.GetSection("Radarr:Auth"))`), and ConfigFileProvider reads that option first:
   * `_authOptions.Required` / `.Method` / `.Enabled` / `.ApiKey` win over config.xml on every read, whatever a PUT
   * stored (Radarr v6.0.3.10276, Sonarr v4.0.19.2979, Prowlarr v2.3.5.5327:
   * src/NzbDrone.Core/Configuration/ConfigFileProvider.cs, src/NzbDrone.Common/Options/AuthOptions.cs).
   */
  env?: Record<string, string>;
}

export interface ArrFake {
  app: ArrApp;
  /** Radarr's library and import commands (Radarr only). */
  movies: MovieFakeState | null;
  server: SpecFakeServer;
  state: ArrFakeState;
  url: string;
  stop(): Promise<void>;
}

function contractFor(app: ArrApp): OpenApiContract {
  let c = contracts.get(app);
  if (!c) {
    c = new OpenApiContract(app, fixturePath(`specs/${specFile[app]}`));
    contracts.set(app, c);
  }
  return c;
}

function isSecret(f: Json): boolean {
  return f.privacy === 'password' || f.privacy === 'apiKey';
}

/** What the real services answer: stored secrets masked, never echoed. */
function masked(p: Json): Json {
  const fields = (p.fields as Json[]).map((f) => (isSecret(f) && f.value ? { ...f, value: MASK } : f));
  return { ...p, fields };
}

/** A masked secret sent back means "keep what is stored". */
function unmask(incoming: Json, stored: Json | undefined): Json {
  const fields = ((incoming.fields as Json[]) ?? []).map((f) => {
    if (f.value !== MASK) return f;
    const old = (stored?.fields as Json[] | undefined)?.find((s) => s.name === f.name);
    return { ...f, value: old?.value ?? null };
  });
  return { ...incoming, fields };
}

/** `<APP>__AUTH__<NAME>` from the environment; .NET configuration keys are case-insensitive. */
function authOption(app: ArrApp, env: Record<string, string>, name: string): string | undefined {
  const key = `${app}__auth__${name}`.toLowerCase();
  return Object.entries(env).find(([k]) => k.toLowerCase() === key)?.[1];
}

/** `Enum.TryParse<T>(value, out …)`: exact member names (case-sensitive), answered camelCase by the API. */
function envEnum(value: string | undefined, members: string[]): string | undefined {
  return value !== undefined && members.includes(value) ? value[0]!.toLowerCase() + value.slice(1) : undefined;
}

export async function startArrFake(
  app: ArrApp,
  configKey: string,
  network: FakeNetwork,
  opts: ArrFakeOptions = {},
): Promise<ArrFake> {
  const env = opts.env ?? {};
  // ConfigFileProvider.ApiKey: `_authOptions.ApiKey ?? GetValue("ApiKey", …)`.
  const apiKey = authOption(app, env, 'apikey') ?? configKey;
  const root = app === 'prowlarr' ? '/api/v1' : '/api/v3';
  const templates: Record<Kind, Json[]> = {
    ...templatesFor(app),
    notification: app === 'prowlarr' ? [] : notificationTemplates(app),
    indexer: app === 'prowlarr' ? indexerTemplates() : [],
    indexerproxy: app === 'prowlarr' ? indexerProxyTemplates() : [],
  };
  const state: ArrFakeState = {
    downloadclient: [],
    applications: [],
    notification: [],
    indexer: [],
    indexerproxy: [],
    tag: [],
    qualityprofile: qualityProfiles(),
    naming: namingDefaults(app),
    mediamanagement: mediaManagementDefaults(),
    rootfolder: [],
    folders: new Set(['/data/media/movies', '/data/media/tv']),
    host: {
      id: 1,
      bindAddress: '*',
      port: 7878,
      enableSsl: false,
      authenticationMethod: 'none',
      authenticationRequired: 'enabled',
      username: '',
      password: '',
      apiKey,
      urlBase: '',
      instanceName: app,
    },
  };
  let nextId = 1;
  /** config.xml's values overlaid by the environment, as ConfigFileProvider's getters read them. */
  const hostAsRead = (): Json => {
    const out: Json = { ...state.host, apiKey };
    const required = envEnum(authOption(app, env, 'required'), ['Enabled', 'DisabledForLocalAddresses']);
    if (required) out.authenticationRequired = required;
    const method = envEnum(authOption(app, env, 'method'), ['None', 'Basic', 'Forms', 'External']);
    // AuthenticationMethod: AUTH__ENABLED=true means Forms; Basic is answered as Forms.
    if (authOption(app, env, 'enabled')?.toLowerCase() === 'true') out.authenticationMethod = 'forms';
    else if (method) out.authenticationMethod = method === 'basic' ? 'forms' : method;
    return out;
  };
  const server = new SpecFakeServer(
    contractFor(app),
    (req, url) => req.headers['x-api-key'] === apiKey || url.searchParams.get('apikey') === apiKey,
  );

  async function check(kind: Kind, p: Json): Promise<Failure[]> {
    if (kind === 'notification') return testPlexNotification(p, network);
    if (kind === 'indexer') return testIndexer(p, network);
    if (kind === 'indexerproxy') return testIndexerProxy(p, network);
    return kind === 'downloadclient' ? testDownloadClient(app, p, network) : testApplication(p, network);
  }
  /**
   * ProviderDefinition.Enable: a download client's or indexer's `enable`; an application's sync level
   * (ApplicationDefinition.cs); a notification's triggers (NotificationDefinition.cs); an indexer proxy's tags
   * (IndexerProxyDefinition.cs).
   */
  const enabled = (kind: Kind, p: Json) =>
    kind === 'indexerproxy'
      ? proxyEnabled(p)
      : kind === 'notification'
        ? notificationEnabled(p)
        : kind === 'applications'
          ? p.syncLevel === 'addOnly' || p.syncLevel === 'fullSync'
          : p.enable === true;
  /**
   * ProviderControllerBase.cs (Radarr.Api.V3 / Sonarr.Api.V3 / Prowlarr.Api.V1 at the tags above): an enabled
   * provider is tested on POST, where `forceSave` only lets warnings through, and on PUT unless `forceSave`, which
   * skips the test; VerifyValidationResult refuses errors always and warnings unless forced.
   */
  async function save(kind: Kind, req: FakeRequest, existing?: Json): Promise<FakeReply> {
    const candidate = unmask(req.body as Json, existing);
    const force = req.query.forceSave === true;
    if (kind === 'indexer') {
      const bad = unknownCardigannField(candidate);
      if (bad)
        return {
          status: 500,
          offSpec: 'Prowlarr 500: Unknown Cardigann setting',
          body: { message: `Unknown Cardigann setting. (Parameter '${bad}')` },
        };
      const invalid = indexerSaveFailures({ ...candidate, id: existing?.id }, state.indexer);
      if (invalid.length) return failures(invalid);
    }
    if (kind === 'indexerproxy' && proxyEnabled(candidate)) {
      // GetDefinition validates an enabled definition before any test (ProviderControllerBase.cs).
      const invalid = proxySaveFailures(candidate);
      if (invalid.length) return failures(invalid);
    }
    if (enabled(kind, candidate) && !(existing && force)) {
      const problems = await check(kind, candidate);
      const blocking = force ? problems.filter((f) => !f.warning) : problems;
      if (blocking.length) return failures(blocking);
    }
    const stored: Json = { ...candidate, id: existing?.id ?? nextId++ };
    delete stored.presets;
    const list = state[kind];
    if (existing) list[list.indexOf(existing)] = stored;
    else list.push(stored);
    return { status: existing ? 202 : 201, body: masked(stored) };
  }
  const byId = (kind: Kind, id: string) => state[kind].find((p) => String(p.id) === id);

  for (const kind of app === 'prowlarr'
    ? (['downloadclient', 'applications', 'indexer', 'indexerproxy'] as const)
    : (['downloadclient', 'notification'] as const)) {
    server
      .on(`GET ${root}/${kind}`, () => ({ status: 200, body: state[kind].map(masked) }))
      .on(`GET ${root}/${kind}/schema`, () => ({ status: 200, body: templates[kind] }))
      .on(`POST ${root}/${kind}`, async (req) => asDeclared(await save(kind, req)))
      .on(`PUT ${root}/${kind}/{id}`, async (req) => {
        const existing = byId(kind, req.pathParams.id!);
        if (!existing) return { status: 404, offSpec: 'Arr answers 404 for an unknown provider id' };
        return asDeclared(await save(kind, req, existing));
      })
      .on(`POST ${root}/${kind}/test`, async (req) => {
        const body = req.body as Json;
        if (kind === 'indexer' && unknownCardigannField(body))
          return {
            status: 500,
            offSpec: 'Prowlarr 500: Unknown Cardigann setting',
            body: { message: 'Unknown Cardigann setting.' },
          };
        // `…/test` (ProviderControllerBase.Test): validated (forceValidate), then always tested, warnings included.
        if (kind === 'indexerproxy' && proxySaveFailures(body).length) return failures(proxySaveFailures(body));
        const problems = await check(kind, unmask(body, body.id ? byId(kind, String(body.id)) : undefined));
        return problems.length ? failures(problems) : { status: 200 };
      })
      .on(`DELETE ${root}/${kind}/{id}`, (req) => {
        state[kind] = state[kind].filter((p) => String(p.id) !== req.pathParams.id);
        return { status: 200 };
      });
  }
  server
    .on(`GET ${root}/system/status`, () => ({
      status: 200,
      body: { appName: app[0]!.toUpperCase() + app.slice(1), instanceName: app, version: '5.0.0.0' },
    }))
    .on(`GET ${root}/config/host`, () => ({ status: 200, body: hostAsRead() }))
    .on(`PUT ${root}/config/host/{id}`, (req) => {
      // The real service stores the password (hashed) but never answers it back; config.xml gets what was sent, but
      // the answer (like every read) shows what ConfigFileProvider reads, environment first.
      state.host = { ...state.host, ...(req.body as Json), password: '', passwordConfirmation: '' };
      return { status: 200, body: hostAsRead() };
    });
  if (app === 'prowlarr') server.on(`GET ${root}/appprofile`, () => ({ status: 200, body: appProfiles }));
  if (app === 'prowlarr')
    server
      .on(`GET ${root}/tag`, () => ({ status: 200, body: state.tag }))
      .on(`POST ${root}/tag`, (req) => {
        const r = addTag(state.tag, (req.body as Json | undefined)?.label, () => nextId++);
        return 'ok' in r ? { status: 200, body: r.ok } : failures([r.failure]);
      });
  if (app !== 'prowlarr') {
    const saveProfile = (req: FakeRequest, existing?: Json): FakeReply => {
      const body = req.body as Json;
      const problems = profileFailures(body);
      if (problems.length) return failures(problems);
      const stored = { ...body, id: existing?.id ?? nextId++ };
      if (existing) state.qualityprofile[state.qualityprofile.indexOf(existing)] = stored;
      else state.qualityprofile.push(stored);
      return { status: 200, body: stored };
    };
    for (const res of ['naming', 'mediamanagement'] as const) {
      server
        .on(`GET ${root}/config/${res}`, () => ({ status: 200, body: state[res] }))
        .on(`PUT ${root}/config/${res}/{id}`, (req) => {
          state[res] = { ...(req.body as Json), id: state[res].id };
          return { status: 200, body: state[res] };
        });
    }
    server
      .on(`GET ${root}/qualityprofile/schema`, () => ({ status: 200, body: qualityProfileTemplate(app) }))
      .on(`POST ${root}/qualityprofile`, (req) => saveProfile(req))
      .on(`PUT ${root}/qualityprofile/{id}`, (req) => {
        const existing = state.qualityprofile.find((p) => String(p.id) === req.pathParams.id);
        if (!existing) return { status: 404, offSpec: 'Arr answers 404 for an unknown profile id' };
        return saveProfile(req, existing);
      })
      .on(`GET ${root}/qualityprofile`, () => ({ status: 200, body: state.qualityprofile }))
      .on(`GET ${root}/rootfolder`, () => ({ status: 200, body: state.rootfolder }))
      .on(`POST ${root}/rootfolder`, (req) => {
        const path = String((req.body as Json).path ?? '');
        if (!state.folders.has(path)) return failures([`Folder '${path}' does not exist`], 'Path');
        const folder = { id: nextId++, path, accessible: true, freeSpace: 1_000_000_000, unmappedFolders: [] };
        state.rootfolder.push(folder);
        return { status: 200, body: folder };
      })
      .on(`DELETE ${root}/rootfolder/{id}`, (req) => {
        state.rootfolder = state.rootfolder.filter((r) => String(r.id) !== req.pathParams.id);
        return { status: 200 };
      });
  }
  const movies =
    app === 'radarr'
      ? addMovieRoutes(server, {
          root,
          nextId: () => nextId++,
          rootFolders: () => state.rootfolder,
          profiles: () => state.qualityprofile,
          mediaManagement: () => state.mediamanagement,
        })
      : null;
  await server.start();
  return { app, server, state, movies, url: server.url, stop: () => server.stop() };
}

/** The specs declare only 200 for POST/PUT of providers; the real services answer 201/202 (Created/Accepted). */
function asDeclared(reply: FakeReply): FakeReply {
  if (reply.status === 201 || reply.status === 202) return { ...reply, status: 200 };
  return reply;
}

/** Default profiles a fresh Radarr/Sonarr ships (names as in their first-run database migrations). */
function qualityProfiles(): Json[] {
  const names = ['Any', 'SD', 'HD-720p', 'HD-1080p', 'Ultra-HD', 'HD - 720p/1080p'];
  return names.map((name, i) => ({
    id: i + 1,
    name,
    upgradeAllowed: false,
    cutoff: 1,
    items: [],
    minFormatScore: 0,
    cutoffFormatScore: 0,
    formatItems: [],
  }));
}
