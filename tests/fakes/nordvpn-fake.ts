// Fake NordVPN API (recorded responses): GET /v1/users/services/credentials answers the account's service credentials
// for a known access token and 401 otherwise. Shapes and sources: tests/fixtures/recorded/README.md ("nordvpn/").
import { readFileSync } from 'node:fs';
import { fixturePath } from './fixture-path';
import { RecordedFakeServer, type RecordedRequest } from './recorded-fake-server';

const recorded = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(fixturePath(`recorded/nordvpn/${name}`), 'utf8')) as Record<string, unknown>;

export const NORD_RECORDED = recorded('service-credentials.json') as {
  username: string;
  password: string;
  nordlynx_private_key: string;
};

/** The token the request carried: basic auth user "token" (manual setup) or the client's "Bearer token:<t>" form. */
function tokenOf(req: RecordedRequest): string | null {
  const auth = req.headers.authorization ?? '';
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(auth);
  if (basic) {
    const [user, ...rest] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
    return user === 'token' && rest.length > 0 ? rest.join(':') : null;
  }
  const bearer = /^Bearer token:(.+)$/.exec(auth);
  return bearer ? bearer[1]! : null;
}

export interface NordFake {
  server: RecordedFakeServer;
  /** Tokens presented, in order (tests check the token was sent once and only here). */
  seen: string[];
}

/** `tokens` are the valid access tokens; `answer` overrides the recorded body (e.g. an unpadded key). */
export async function startNordFake(tokens: string[], answer: Record<string, unknown> = {}): Promise<NordFake> {
  const seen: string[] = [];
  const server = new RecordedFakeServer('api.nordvpn.com').route(
    'GET',
    /^\/v1\/users\/services\/credentials$/,
    (req) => {
      const token = tokenOf(req);
      if (token !== null) seen.push(token);
      if (token === null || !tokens.includes(token)) return { status: 401, body: recorded('unauthorized.json') };
      return { status: 200, body: { ...recorded('service-credentials.json'), ...answer } };
    },
  );
  await server.start();
  return { server, seen };
}
