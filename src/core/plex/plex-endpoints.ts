// Where the app reaches plex.tv and the installed Plex server, and the one claim step the sign-in and the install share.
import type { PlexClaimOutcome, StackConfig } from '../contract';
import { UpsFailure } from '../contract';
import type { SecretName } from '../contract/secret-names';
import { PlexServerClient } from './plex-server-client';
import { claimPlexServer } from './plex-signin';
import { PlexTvClient } from './plex-tv-client';

/**
 * TEST SEAM: UPS_PLEXTV_URL replaces https://plex.tv (the PIN, account and claim-token API) so tests can run against
 * the recorded plex.tv fake in tests/fakes/plex-fakes.ts. Production never sets it.
 */
export const PLEXTV_URL_ENV = 'UPS_PLEXTV_URL';
/**
 * TEST SEAM: UPS_PLEX_URL replaces http://127.0.0.1:<plex port> for the sign-in's and the install's claim, so the
 * browser e2e (whose Plex container is a stand-in) can claim the recorded Plex fake. Production never sets it.
 */
export const PLEX_URL_ENV = 'UPS_PLEX_URL';

export type TokenVault = { get(name: SecretName): Promise<string | null>; set(name: SecretName, value: string): Promise<void> };

export function plexTvFor(clientId: string, env: NodeJS.ProcessEnv): PlexTvClient {
  return new PlexTvClient({ clientId, baseUrl: env[PLEXTV_URL_ENV] || undefined });
}

export function plexServerFor(cfg: StackConfig, clientId: string, vault: TokenVault, env: NodeJS.ProcessEnv): PlexServerClient {
  return new PlexServerClient({ url: env[PLEX_URL_ENV] || `http://127.0.0.1:${cfg.ports.plex}`, token: () => vault.get('plex.token'), clientId });
}

/** Claims the server for the stored sign-in; a failure is an answer with the fix, never a thrown error. */
export async function claimOutcome(plexTv: PlexTvClient, vault: TokenVault, server: PlexServerClient, failurePrefix: string): Promise<PlexClaimOutcome> {
  try {
    const claimed = await claimPlexServer(plexTv, vault, server);
    return { ok: true, detail: claimed ? 'The Plex server is now claimed for this account.' : 'The Plex server was already claimed.' };
  } catch (err) {
    const e = err instanceof UpsFailure ? err.error : { message: err instanceof Error ? err.message : String(err), fix: undefined };
    return { ok: false, detail: `${failurePrefix}: ${e.message}`, fix: e.fix ?? 'Start Plex, then run `ups apply` (it claims the server).' };
  }
}
