// The App service's Plex sign-in calls (plex.signin.start / plex.signin.poll), shared by the CLI and the wizard.
// One poll per call, so the door owns the interval, the timeout and cancelling (it simply stops polling).
import { UpsFailure, type PlexSignInPoll, type PlexSignInStartResult } from '../contract';
import type { SecretName } from '../vault/secret-names';
import { HttpFailure } from '../wiring/clients/http-json';
import { PlexServerClient } from '../wiring/clients/plex';
import { readInstalledStack } from '../wiring/engine/stack-wiring-source';
import { plexClientId } from '../wiring/steps/radarr-sonarr-stack-wiring';
import { claimPlexServer, startPlexSignIn } from './plex-signin';
import { PlexTvClient } from './plex-tv-client';

export interface PlexSignInDeps {
  installRoot(): Promise<string | null>;
  vault: { get(name: SecretName): Promise<string | null>; set(name: SecretName, value: string): Promise<void> };
  /** Defaults to process.env; only UPS_PLEXTV_URL is read. */
  env?: NodeJS.ProcessEnv;
}

/**
 * TEST SEAM: UPS_PLEXTV_URL replaces https://plex.tv (the PIN and claim-token API) so tests can run against the
 * recorded plex.tv fake in tests/fakes/plex-fakes.ts. Production never sets it.
 */
export const PLEXTV_URL_ENV = 'UPS_PLEXTV_URL';

const notInstalled = () =>
  new UpsFailure({ code: 'NOT_FOUND', message: 'No stack is configured yet, so there is no Plex server to sign in to.', fix: 'Finish the setup first (the wizard or `ups init`).' });

const pinGone = () =>
  new UpsFailure({ code: 'NOT_FOUND', message: 'plex.tv no longer knows this sign-in PIN (it expired or belongs to another install).', field: 'pinId', fix: 'Start the Plex sign-in again (`ups plex signin` or the wizard\'s Plex step).' });

export function createPlexSignInHandlers(deps: PlexSignInDeps) {
  const clients = async () => {
    const cfg = await readInstalledStack(deps.installRoot);
    if (!cfg) throw notInstalled();
    // Same client id as the wiring's, so plex.tv sees one device per install.
    const clientId = plexClientId(cfg);
    const plexTv = new PlexTvClient({ clientId, baseUrl: (deps.env ?? process.env)[PLEXTV_URL_ENV] || undefined });
    const server = new PlexServerClient({ url: `http://127.0.0.1:${cfg.ports.plex}`, token: () => deps.vault.get('plex.token'), clientId });
    return { plexTv, server };
  };
  return {
    handlers: {
      'plex.signin.start': async (): Promise<PlexSignInStartResult> => {
        const start = await startPlexSignIn((await clients()).plexTv);
        return { pinId: start.pinId, authUrl: start.authUrl };
      },
      'plex.signin.poll': async ({ pinId }: { pinId: number }): Promise<PlexSignInPoll> => {
        const { plexTv, server } = await clients();
        const pin = await plexTv.checkPin(pinId).catch((err: unknown) => {
          // plex.tv forgets a PIN when it expires (about 30 minutes) or when it was made for another client id.
          if (err instanceof HttpFailure && err.status === 404) throw pinGone();
          throw err;
        });
        if (!pin.authToken) return { status: 'waiting' };
        await deps.vault.set('plex.token', pin.authToken);
        // The claim token is fetched only now, after approval, so it cannot expire while the user reads the page.
        try {
          const claimed = await claimPlexServer(plexTv, deps.vault, server);
          return { status: 'signed-in', claim: { ok: true, detail: claimed ? 'The Plex server is now claimed for this account.' : 'The Plex server was already claimed.' } };
        } catch (err) {
          const e = err instanceof UpsFailure ? err.error : { message: err instanceof Error ? err.message : String(err), fix: undefined };
          return { status: 'signed-in', claim: { ok: false, detail: `Signed in, but the server could not be claimed: ${e.message}`, fix: e.fix ?? 'Start Plex, then run `ups apply` (it claims the server).' } };
        }
      },
    },
  };
}
