// Stateful fake of Radarr / Sonarr (/api/v3) or Prowlarr (/api/v1), validated against their OpenAPI files.
// Behaviour modelled on the real services: X-Api-Key auth (401 empty body), secrets answered masked as `********` and
// kept when sent back masked on PUT, providers tested on save (400 + validation failures, nothing stored).
import { fixturePath } from './fixture-path';
import { OpenApiContract } from './openapi-contract';
import { SpecFakeServer, type FakeReply, type FakeRequest } from './spec-fake-server';
import { templatesFor } from './arr-fake-templates';
import { failures, testApplication, testDownloadClient, type FakeNetwork } from './arr-fake-checks';

export type ArrApp = 'radarr' | 'sonarr' | 'prowlarr';
type Json = Record<string, unknown>;
type Kind = 'downloadclient' | 'applications';

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
  rootfolder: Json[];
  host: Json;
  /** Folders that exist "inside the container" (a root folder must exist to be added). */
  folders: Set<string>;
}

export interface ArrFake {
  app: ArrApp;
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

export async function startArrFake(app: ArrApp, apiKey: string, network: FakeNetwork): Promise<ArrFake> {
  const root = app === 'prowlarr' ? '/api/v1' : '/api/v3';
  const templates = templatesFor(app);
  const state: ArrFakeState = {
    downloadclient: [],
    applications: [],
    rootfolder: [],
    folders: new Set(['/data/media/movies', '/data/media/tv']),
    host: { id: 1, bindAddress: '*', port: 7878, enableSsl: false, authenticationMethod: 'none', authenticationRequired: 'enabled', username: '', password: '', apiKey, urlBase: '', instanceName: app },
  };
  let nextId = 1;
  const server = new SpecFakeServer(contractFor(app), (req, url) => req.headers['x-api-key'] === apiKey || url.searchParams.get('apikey') === apiKey);

  async function check(kind: Kind, p: Json): Promise<string[]> {
    return kind === 'downloadclient' ? testDownloadClient(p, network) : testApplication(p, network);
  }
  async function save(kind: Kind, req: FakeRequest, existing?: Json): Promise<FakeReply> {
    const candidate = unmask(req.body as Json, existing);
    if (req.query.forceSave !== true) {
      const problems = await check(kind, candidate);
      if (problems.length) return failures(problems);
    }
    const stored: Json = { ...candidate, id: existing?.id ?? nextId++ };
    delete stored.presets;
    const list = state[kind];
    if (existing) list[list.indexOf(existing)] = stored;
    else list.push(stored);
    return { status: existing ? 202 : 201, body: masked(stored) };
  }
  const byId = (kind: Kind, id: string) => state[kind].find((p) => String(p.id) === id);

  for (const kind of app === 'prowlarr' ? (['downloadclient', 'applications'] as const) : (['downloadclient'] as const)) {
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
        const problems = await check(kind, unmask(body, body.id ? byId(kind, String(body.id)) : undefined));
        return problems.length ? failures(problems) : { status: 200 };
      })
      .on(`DELETE ${root}/${kind}/{id}`, (req) => {
        state[kind] = state[kind].filter((p) => String(p.id) !== req.pathParams.id);
        return { status: 200 };
      });
  }
  server
    .on(`GET ${root}/system/status`, () => ({ status: 200, body: { appName: app[0]!.toUpperCase() + app.slice(1), instanceName: app, version: '5.0.0.0' } }))
    .on(`GET ${root}/config/host`, () => ({ status: 200, body: state.host }))
    .on(`PUT ${root}/config/host/{id}`, (req) => {
      // The real service stores the password (hashed) but never answers it back.
      state.host = { ...state.host, ...(req.body as Json), password: '', passwordConfirmation: '' };
      return { status: 200, body: state.host };
    });
  if (app !== 'prowlarr') {
    server
      .on(`GET ${root}/qualityprofile`, () => ({ status: 200, body: qualityProfiles() }))
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
  await server.start();
  return { app, server, state, url: server.url, stop: () => server.stop() };
}

/** The specs declare only 200 for POST/PUT of providers; the real services answer 201/202 (Created/Accepted). */
function asDeclared(reply: FakeReply): FakeReply {
  if (reply.status === 201 || reply.status === 202) return { ...reply, status: 200 };
  return reply;
}

/** Default profiles a fresh Radarr/Sonarr ships (names as in their first-run database migrations). */
function qualityProfiles(): Json[] {
  const names = ['Any', 'SD', 'HD-720p', 'HD-1080p', 'Ultra-HD', 'HD - 720p/1080p'];
  return names.map((name, i) => ({ id: i + 1, name, upgradeAllowed: false, cutoff: 1, items: [], minFormatScore: 0, cutoffFormatScore: 0, formatItems: [] }));
}
