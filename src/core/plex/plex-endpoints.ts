// Where the app reaches plex.tv and the installed Plex server, and the one claim step the sign-in and the install share.
import type { PlexClaimOutcome, StackConfig } from '../contract';
import { UpsFailure } from '../contract';
import { fixAction } from '../contract/fix-action';
import type { SecretName } from '../contract/secret-names';
import { PlexServerClient } from './plex-server-client';
import { claimPlexServer } from './plex-signin';
import { PlexTvClient } from './plex-tv-client';

/**
 * Where plex.tv and the installed Plex server are reached. Production leaves both unset (https://plex.tv, and
 * http://<engine host>:<plex port>); the composition fills them from its test switches (see app/default-deps.ts) so tests
 * can use the recorded plex.tv fake and a Plex fake in place of a stand-in container.
 */
export interface PlexEndpoints {
  plexTvUrl?: string;
  plexUrl?: string;
  /** Where the stack's published ports answer (DockerEndpoint.serviceHost; 127.0.0.1 for a local engine). */
  serviceHost?: string;
}

export type TokenVault = {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
};

export function plexTvFor(clientId: string, at: PlexEndpoints): PlexTvClient {
  return new PlexTvClient({ clientId, baseUrl: at.plexTvUrl });
}

export function plexServerFor(
  cfg: StackConfig,
  clientId: string,
  vault: TokenVault,
  at: PlexEndpoints,
): PlexServerClient {
  return new PlexServerClient({
    url: at.plexUrl || `http://${at.serviceHost ?? '127.0.0.1'}:${cfg.ports.plex}`,
    token: () => vault.get('plex.token'),
    clientId,
  });
}

/** Claims the server for the stored sign-in; a failure is an answer with the fix, never a thrown error. */
export async function claimOutcome(
  plexTv: PlexTvClient,
  vault: TokenVault,
  server: PlexServerClient,
  failurePrefix: string,
): Promise<PlexClaimOutcome> {
  try {
    const claimed = await claimPlexServer(plexTv, vault, server);
    return {
      ok: true,
      detail: claimed ? 'The Plex server is now claimed for this account.' : 'The Plex server was already claimed.',
    };
  } catch (err) {
    const e =
      err instanceof UpsFailure
        ? err.error
        : { message: err instanceof Error ? err.message : String(err), fix: undefined };
    // A failure that carries its own fix (e.g. "sign in again") keeps its action; otherwise repairing the links claims it.
    return {
      ok: false,
      detail: `${failurePrefix}: ${e.message}`,
      ...(e.fix
        ? { fix: e.fix, ...('action' in e && e.action ? { action: e.action } : {}) }
        : {
            fix: 'Start Plex if it is stopped, then repair the links: that claims the server.',
            action: fixAction('wiring.apply'),
          }),
    };
  }
}
