// Fakes of plex.tv (PIN sign-in, claim tokens) and of a Plex Media Server (identity, sections, preferences, claim),
// answering with the recorded bodies in tests/fixtures/recorded (see its README for where each came from).
import { readFileSync } from 'node:fs';
import { fixturePath } from './fixture-path';
import { RecordedFakeServer } from './recorded-fake-server';

type Json = Record<string, unknown>;
const recorded = (p: string) => JSON.parse(readFileSync(fixturePath(`recorded/${p}`), 'utf8')) as Json;

export interface PlexTvFake {
  server: RecordedFakeServer;
  /** The user approves PIN `id` in the browser, signing in as the account with `token` (named `username`, else the recorded one). */
  approve(id: number, token: string, username?: string): void;
  /** plex.tv redeems a claim token once, for the account that asked for it. */
  redeemClaim(claimToken: string): string | null;
  accounts: Set<string>;
}

export async function startPlexTvFake(): Promise<PlexTvFake> {
  const server = new RecordedFakeServer('plex.tv');
  const pins = new Map<number, { code: string; token: string | null; clientId: string }>();
  const claims = new Map<string, string>();
  const accounts = new Set<string>();
  const usernames = new Map<string, string>();
  let nextPin = Number(recorded('plex-tv/pin-new.json').id);
  const requireClient = (headers: Record<string, unknown>) => {
    if (!headers['x-plex-client-identifier'] || !headers['x-plex-product'])
      throw new Error('plex.tv requires X-Plex-Client-Identifier and X-Plex-Product');
    return String(headers['x-plex-client-identifier']);
  };
  server
    .route('POST', /^\/api\/v2\/pins$/, (req) => {
      const clientId = requireClient(req.headers);
      if (req.url.searchParams.get('strong') !== 'true') throw new Error('expected strong=true (browser PIN flow)');
      const id = nextPin++;
      const code = `code${id}`;
      pins.set(id, { code, token: null, clientId });
      return { status: 201, body: { ...recorded('plex-tv/pin-new.json'), id, code, clientIdentifier: clientId } };
    })
    .route('GET', /^\/api\/v2\/pins\/(\d+)$/, (req) => {
      const pin = pins.get(Number(req.params[0]));
      if (!pin || pin.clientId !== requireClient(req.headers))
        return { status: 404, body: { errors: [{ code: 1020, message: 'Code not found or expired' }] } };
      const base = recorded(pin.token ? 'plex-tv/pin-linked.json' : 'plex-tv/pin-new.json');
      return {
        status: 200,
        body: {
          ...base,
          id: Number(req.params[0]),
          code: pin.code,
          clientIdentifier: pin.clientId,
          authToken: pin.token,
        },
      };
    })
    // The signed-in account (GET /api/v2/user, JSON only with Accept: application/json); an unknown token gets 401
    // in the errors shape plex.tv's v2 API uses (as for an unknown PIN above).
    .route('GET', /^\/api\/v2\/user$/, (req) => {
      requireClient(req.headers);
      if (!String(req.headers.accept ?? '').includes('application/json'))
        throw new Error('plex.tv answers XML unless Accept: application/json is sent');
      const token = String(req.headers['x-plex-token'] ?? '');
      if (!accounts.has(token))
        return {
          status: 401,
          body: { errors: [{ code: 1001, message: 'User could not be authenticated', status: 401 }] },
        };
      const base = recorded('plex-tv/user.json');
      const username = usernames.get(token) ?? String(base.username);
      return { status: 200, body: { ...base, username, title: username, authToken: token } };
    })
    .route('GET', /^\/api\/claim\/token\.json$/, (req) => {
      const token = String(req.headers['x-plex-token'] ?? '');
      if (!accounts.has(token))
        return {
          status: 401,
          body: '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>',
          contentType: 'text/html',
        };
      const claim = `claim-${Math.random().toString(36).slice(2, 22)}`;
      claims.set(claim, token);
      return { status: 200, body: { ...recorded('plex-tv/claim-token.json'), token: claim } };
    });
  await server.start();
  return {
    server,
    accounts,
    approve(id, token, username) {
      const pin = pins.get(id);
      if (!pin) throw new Error(`no pin ${id}`);
      pin.token = token;
      accounts.add(token);
      if (username) usernames.set(token, username);
    },
    redeemClaim(claimToken) {
      const owner = claims.get(claimToken) ?? null;
      claims.delete(claimToken);
      return owner;
    },
  };
}

export interface PlexFake {
  server: RecordedFakeServer;
  /** `prefs`: server preferences by id, as text (a fresh server: every recorded preference at its default). */
  state: { owner: string | null; sections: Json[]; prefs: Record<string, string> };
}

interface RecordedSetting {
  id: string;
  type: string;
  default: unknown;
  value: unknown;
}

export async function startPlexFake(plexTv: PlexTvFake): Promise<PlexFake> {
  const server = new RecordedFakeServer('plex');
  const identity = recorded('plex/identity.json').MediaContainer as Json;
  const prefsRecording = recorded('plex/prefs.json').MediaContainer as { Setting: RecordedSetting[] } & Json;
  const settings = new Map(prefsRecording.Setting.map((x) => [x.id, x]));
  const state: PlexFake['state'] = {
    owner: null,
    sections: [],
    prefs: Object.fromEntries(prefsRecording.Setting.map((x) => [x.id, String(x.default)])),
  };
  // The JSON answer types a value by the setting's `type` (bool → true/false, int/double → number), as recorded.
  const typed = (x: RecordedSetting, v: string): unknown =>
    x.type === 'bool' ? v === 'true' || v === '1' : x.type === 'int' || x.type === 'double' ? Number(v) : v;
  let nextKey = 1;
  // A claimed server answers its owner only; an unclaimed one answers anyone (recorded README of the PMS capture).
  const allowed = (headers: Record<string, unknown>) => state.owner === null || headers['x-plex-token'] === state.owner;
  const unauthorized = {
    status: 401,
    body: '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>',
    contentType: 'text/html',
  };
  const wantsJson = (headers: Record<string, unknown>) => {
    if (!String(headers.accept ?? '').includes('application/json'))
      throw new Error('Plex answers XML unless Accept: application/json is sent');
  };
  server
    .route('GET', /^\/$/, (req) => {
      wantsJson(req.headers);
      if (!allowed(req.headers)) return unauthorized;
      return {
        status: 200,
        body: {
          MediaContainer: {
            ...(recorded('plex/root.json').MediaContainer as Json),
            machineIdentifier: identity.machineIdentifier,
          },
        },
      };
    })
    .route('GET', /^\/identity\/?$/, (req) => {
      wantsJson(req.headers);
      return { status: 200, body: { MediaContainer: { ...identity, claimed: state.owner !== null } } };
    })
    .route('GET', /^\/library\/sections\/?$/, (req) => {
      wantsJson(req.headers);
      if (!allowed(req.headers)) return unauthorized;
      const base = recorded('plex/library-sections.json').MediaContainer as Json;
      return {
        status: 200,
        body: { MediaContainer: { ...base, size: state.sections.length, Directory: state.sections } },
      };
    })
    .route('POST', /^\/library\/sections\/?$/, (req) => {
      if (!allowed(req.headers)) return unauthorized;
      const q = req.url.searchParams;
      for (const k of ['name', 'type', 'agent', 'scanner', 'language', 'location'])
        if (!q.get(k)) return { status: 400, body: `missing ${k}` };
      const template = ((recorded('plex/library-sections.json').MediaContainer as Json).Directory as Json[]).find(
        (d) => d.type === q.get('type'),
      );
      if (!template) return { status: 400, body: 'unsupported type' };
      const key = String(nextKey++);
      state.sections.push({
        ...template,
        key,
        title: q.get('name'),
        agent: q.get('agent'),
        scanner: q.get('scanner'),
        Location: q.getAll('location').map((path, i) => ({ id: Number(key) * 10 + i, path })),
      });
      return { status: 201, body: { MediaContainer: { size: 1 } } };
    })
    .route('GET', /^\/:\/prefs$/, (req) => {
      wantsJson(req.headers);
      if (!allowed(req.headers)) return unauthorized;
      const Setting = prefsRecording.Setting.map((x) => ({ ...x, value: typed(x, state.prefs[x.id] ?? '') }));
      return { status: 200, body: { MediaContainer: { ...prefsRecording, size: Setting.length, Setting } } };
    })
    // Plex Media Server API (developer.plex.tv/pms, "Set preferences", harvested in github.com/api-evangelist/plex
    // openapi/plex-preferences-api-openapi.yml): PUT with the preferences as query parameters answers 200 and no
    // body; an id the server does not have answers 400 "cannot set preference value for unknown preference <id>".
    // The fake then changes nothing, and records a violation: wiring must only send preferences Plex has.
    .route('PUT', /^\/:\/prefs$/, (req) => {
      if (!allowed(req.headers)) return unauthorized;
      const entries = [...req.url.searchParams.entries()];
      const unknown = entries.find(([id]) => !settings.has(id));
      if (unknown) {
        server.violations.push(`plex: PUT /:/prefs with unknown preference ${unknown[0]}`);
        return {
          status: 400,
          body: `cannot set preference value for unknown preference ${unknown[0]}`,
          contentType: 'text/html',
        };
      }
      for (const [id, v] of entries) state.prefs[id] = v;
      return { status: 200 };
    })
    .route('POST', /^\/myplex\/claim$/, (req) => {
      const owner = plexTv.redeemClaim(req.url.searchParams.get('token') ?? '');
      if (!owner) return unauthorized;
      state.owner = owner;
      return { status: 200, body: { MediaContainer: { ...identity, claimed: true } } };
    });
  await server.start();
  return { server, state };
}
