// Stateful Seerr fake validated against seerr-api.yml. Behaviour follows Seerr's server code (routes/settings,
// routes/auth, middleware/auth): the API key maps to user 1, so it is refused (403) until the first Plex sign-in
// creates that user; saving Plex connects to Plex; `GET /settings/plex/library` disables every library not in `enable`.
import { randomBytes } from 'node:crypto';
import { fixturePath } from './fixture-path';
import { OpenApiContract } from './openapi-contract';
import { SpecFakeServer, type FakeReply } from './spec-fake-server';
import type { FakeNetwork } from './arr-fake-checks';

type Json = Record<string, unknown>;
let contract: OpenApiContract | undefined;

export interface SeerrFakeState {
  apiKey: string;
  users: { id: number; plexToken: string }[];
  sessions: Set<string>;
  plex: Json & { libraries: { id: string; name: string; enabled: boolean }[] };
  radarr: Json[];
  sonarr: Json[];
  initialized: boolean;
}

export interface SeerrFake {
  server: SpecFakeServer;
  state: SeerrFakeState;
  url: string;
  stop(): Promise<void>;
}

const serverError = (message: string): FakeReply => ({
  status: 500,
  body: { message },
  offSpec: 'Seerr answers 500 {message} when it cannot reach a service (not declared in seerr-api.yml)',
});

export async function startSeerrFake(network: FakeNetwork): Promise<SeerrFake> {
  contract ??= new OpenApiContract('seerr', fixturePath('specs/seerr-api.yml'), '/api/v1');
  const state: SeerrFakeState = {
    apiKey: randomBytes(16).toString('base64'),
    users: [],
    sessions: new Set(),
    plex: { name: '', machineId: '', ip: '', port: 32400, useSsl: false, libraries: [] },
    radarr: [],
    sonarr: [],
    initialized: false,
  };
  let nextId = 0;
  const open = ['/api/v1/settings/public', '/api/v1/auth/plex', '/api/v1/status'];
  const server = new SpecFakeServer(
    contract,
    (req, url) => {
      if (open.includes(url.pathname)) return true;
      const sid = /connect\.sid=([^;]+)/.exec(String(req.headers.cookie ?? ''))?.[1];
      if (sid && state.sessions.has(sid)) return true;
      if (req.headers['x-api-key'] === state.apiKey) return state.users.some((u) => u.id === 1) ? true : 403;
      return 403;
    },
    (path) => path === '/api/v1/settings/plex/library',
  );
  const admin = () => state.users.find((u) => u.id === 1)!;
  const plexGet = async (path: string): Promise<Json | null> => {
    const target = network[`${String(state.plex.ip)}:${String(state.plex.port)}`];
    if (!target) return null;
    try {
      const res = await fetch(`${target.url}${path}`, {
        headers: { accept: 'application/json', 'X-Plex-Token': admin().plexToken },
        signal: AbortSignal.timeout(2000),
      });
      return res.ok ? ((await res.json()) as Json) : null;
    } catch {
      return null;
    }
  };
  const user = (u: { id: number }) => ({
    id: u.id,
    email: 'admin@example.com',
    username: 'admin',
    userType: 1,
    permissions: 2,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });

  server
    .on('GET /settings/public', () => ({ status: 200, body: { initialized: state.initialized } }))
    .on('POST /auth/plex', (req) => {
      const token = String((req.body as Json).authToken);
      // The first Plex user becomes the admin (user 1); later sign-ins of the same account reuse it.
      let u = state.users.find((x) => x.plexToken === token);
      if (!u && state.users.length === 0) state.users.push((u = { id: 1, plexToken: token }));
      if (!u)
        return { status: 403, offSpec: 'Seerr refuses Plex users without access', body: { message: 'Access denied.' } };
      const sid = randomBytes(8).toString('hex');
      state.sessions.add(sid);
      return { status: 200, body: user(u), headers: { 'set-cookie': `connect.sid=${sid}; Path=/; HttpOnly` } };
    })
    .on('GET /auth/me', () => ({ status: 200, body: user(admin()) }))
    .on('GET /settings/main', () => ({
      status: 200,
      body: { apiKey: state.apiKey, applicationTitle: 'Seerr', mediaServerType: 1, localLogin: true },
    }))
    .on('GET /settings/plex', () => ({ status: 200, body: state.plex }))
    .on('POST /settings/plex', async (req) => {
      const previous = { ...state.plex };
      Object.assign(state.plex, req.body as Json);
      const root = await plexGet('/');
      const mc = root?.MediaContainer as Json | undefined;
      if (!mc?.machineIdentifier) {
        state.plex = previous;
        return serverError('Unable to connect to Plex.');
      }
      Object.assign(state.plex, { machineId: mc.machineIdentifier, name: mc.friendlyName });
      return { status: 200, body: state.plex };
    })
    .on('GET /settings/plex/library', async (req) => {
      // Declared, but it disables every library: the wiring must never send it without `enable`.
      if (req.query.enable === undefined)
        server.violations.push('GET /settings/plex/library without enable= (disables every library)');
      if (req.query.sync) {
        const sections =
          (((await plexGet('/library/sections'))?.MediaContainer as Json | undefined)?.Directory as
            Json[] | undefined) ?? null;
        if (!sections) return serverError('Unable to connect to Plex.');
        state.plex.libraries = sections
          .filter((s) => s.type === 'movie' || s.type === 'show')
          .map((s) => ({
            id: String(s.key),
            name: String(s.title),
            enabled: state.plex.libraries.some((l) => l.id === s.key && l.enabled),
          }));
      }
      const enable = typeof req.query.enable === 'string' ? req.query.enable.split(',') : [];
      state.plex.libraries = state.plex.libraries.map((l) => ({ ...l, enabled: enable.includes(l.id) }));
      return { status: 200, body: state.plex.libraries };
    });

  for (const kind of ['radarr', 'sonarr'] as const) {
    server
      .on(`GET /settings/${kind}`, () => ({ status: 200, body: state[kind] }))
      .on(`POST /settings/${kind}`, (req) => {
        const entry = { ...(req.body as Json), id: nextId++ };
        state[kind].push(entry);
        return { status: 201, body: entry };
      })
      .on(`PUT /settings/${kind}/{${kind}Id}`, (req) => {
        const i = state[kind].findIndex((s) => String(s.id) === req.pathParams[`${kind}Id`]);
        if (i < 0)
          return {
            status: 404,
            offSpec: 'Seerr answers 404 for an unknown id',
            body: { message: 'Settings not found' },
          };
        state[kind][i] = { ...(req.body as Json), id: state[kind][i]!.id };
        return { status: 200, body: state[kind][i] };
      })
      .on(`POST /settings/${kind}/test`, async (req) => {
        const b = req.body as Json;
        const target = network[`${String(b.hostname)}:${String(b.port)}`];
        const headers = { 'X-Api-Key': String(b.apiKey) };
        try {
          if (!target) throw new Error('unknown host');
          const status = await fetch(`${target.url}/api/v3/system/status`, {
            headers,
            signal: AbortSignal.timeout(2000),
          });
          if (!status.ok) throw new Error(`HTTP ${status.status}`);
          const profiles = (await (await fetch(`${target.url}/api/v3/qualityprofile`, { headers })).json()) as Json[];
          return { status: 200, body: { profiles: profiles.map((p) => ({ id: p.id, name: p.name })) } };
        } catch {
          return serverError(`Failed to connect to ${kind === 'radarr' ? 'Radarr' : 'Sonarr'}`);
        }
      });
  }
  server.on('POST /settings/initialize', () => {
    state.initialized = true;
    return { status: 200, body: { initialized: true } };
  });
  await server.start();
  return { server, state, url: server.url, stop: () => server.stop() };
}
