// NordVPN service credentials from an access token: the NordLynx (WireGuard) private key and the OpenVPN user/password.
// What the endpoint is, read in NordVPN's own Linux client (github.com/NordSecurity/nordvpn-linux, tag 5.3.0):
//   core/urls.go        CredentialsURL = "/v1/users/services/credentials" (GET, on https://api.nordvpn.com)
//   core/models.go      CredentialsResponse { id, created_at, updated_at, username, password, nordlynx_private_key }
//   core/testdata/core_service_credentials_200.json   a recorded 200 answer of that shape
//   core/errors.go      401 → ErrUnauthorized, error body {"errors":{"code":…,"message":…}}
// The client sends `Authorization: Bearer token:<token>` (request/request.go); the documented manual route, used by
// gluetun users and NordVPN's manual-setup guides, is HTTP basic auth with user "token" and the token as password
// (`curl -u token:<TOKEN> …/v1/users/services/credentials`), which is what we send.
import * as z from 'zod';
import { UpsFailure } from '../contract/envelope';
import { WG_KEY } from '../contract/vpn-providers';

/** Production API origin; tests inject a loopback fake through AppDeps.nordvpnApiUrl. */
export { NORDVPN_API_URL } from './nordvpn-api';
export const CREDENTIALS_PATH = '/v1/users/services/credentials';

export interface NordCredentials {
  /** Normalised to the 44-character padded base64 gluetun's wgtypes.ParseKey accepts. */
  nordlynxPrivateKey: string;
  username: string;
  password: string;
}

export interface NordCredentialsDeps {
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs?: number;
}

// Only the fields we use are read; the rest of the answer (id, dates) is ignored.
const AnswerSchema = z.object({
  username: z.string(),
  password: z.string(),
  nordlynx_private_key: z.string(),
});

const GET_TOKEN = 'Nord Account → NordVPN → Set up NordVPN manually → Access token → Generate new token';

/** Asks NordVPN for the account's service credentials. Every failure is a UpsFailure with cause + fix, never the token. */
export async function fetchNordCredentials(token: string, deps: NordCredentialsDeps): Promise<NordCredentials> {
  const url = new URL(CREDENTIALS_PATH, deps.baseUrl);
  let res: Response;
  try {
    res = await deps.fetch(url, {
      headers: {
        authorization: `Basic ${Buffer.from(`token:${token}`).toString('base64')}`,
        accept: 'application/json',
      },
      signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    throw new UpsFailure({
      code: 'INTERNAL',
      message: timedOut
        ? 'NordVPN did not answer in time, so the WireGuard key could not be fetched.'
        : 'NordVPN could not be reached, so the WireGuard key could not be fetched.',
      fix: 'Check that this PC is online (api.nordvpn.com must be reachable), then try again.',
    });
  }
  const text = await res.text().catch(() => '');
  if (res.status === 401 || res.status === 403) {
    throw new UpsFailure({
      code: 'UNAUTHORIZED',
      field: 'token',
      message: 'NordVPN did not accept this access token: it is wrong, expired or was revoked.',
      fix: `Generate a new token (${GET_TOKEN}) and paste it here. It is not your Nord Account password.`,
    });
  }
  if (!res.ok) {
    throw new UpsFailure({
      code: 'INTERNAL',
      message: `NordVPN answered ${res.status} when asked for the service credentials.`,
      fix: 'Try again in a few minutes; if it keeps failing, enter the service credentials or the WireGuard key yourself.',
    });
  }
  let parsed: z.infer<typeof AnswerSchema>;
  try {
    parsed = AnswerSchema.parse(JSON.parse(text));
  } catch {
    throw new UpsFailure({
      code: 'INTERNAL',
      message: 'NordVPN answered, but not with the service credentials we expected.',
      fix: 'Try again later, or enter the service credentials or the WireGuard key yourself.',
    });
  }
  const key = normaliseWgKey(parsed.nordlynx_private_key);
  if (!key)
    throw new UpsFailure({
      code: 'INTERNAL',
      message: 'NordVPN answered without a usable NordLynx private key for this account.',
      fix: 'Check that the subscription is active in Nord Account, then try again.',
    });
  return { nordlynxPrivateKey: key, username: parsed.username, password: parsed.password };
}

/** 32 bytes of base64, with or without the trailing "=" (community scripts report unpadded answers) → padded form. */
export function normaliseWgKey(raw: string): string | null {
  const trimmed = raw.trim();
  const padded = trimmed.length === 43 ? `${trimmed}=` : trimmed;
  return WG_KEY.test(padded) ? padded : null;
}
