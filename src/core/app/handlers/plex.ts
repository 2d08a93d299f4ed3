// Use cases of the Plex sign-in (plex.signin.start / plex.signin.poll / plex.account), shared by the CLI and the wizard.
// One poll per call, so the door owns the interval, the timeout and cancelling (it simply stops polling). Sign-in works
// before install: the client identifier lives in the per-user config dir, and the install claims the server later.
import {
  UpsFailure,
  type PlexAccountStatus,
  type PlexSignInPoll,
  type PlexSignInStartResult,
  type StackConfig,
} from '../../contract';
import { HttpFailure } from '../../http/http-json';
import { fixAction } from '../../contract/fix-action';
import { installedStackOf } from '../../wiring/wiring-source';
import type { AppContext, HandlerGroup } from '../app-context';
import { claimOutcome, plexServerFor, plexTvFor, type PlexEndpoints, type TokenVault } from '../../plex/plex-endpoints';
import { ensurePlexClientId } from '../../plex/plex-client-id';
import { startPlexSignIn } from '../../plex/plex-signin';

export interface PlexSignInDeps {
  installRoot(): Promise<string | null>;
  vault: TokenVault;
  plex: PlexEndpoints;
  /** Per-user config dir (plex-client.json). */
  configDir: string;
}

export const WILL_CLAIM_AT_INSTALL = 'Your Plex server will be claimed when the install starts Plex.';

const pinGone = () =>
  new UpsFailure({
    code: 'NOT_FOUND',
    message: 'plex.tv no longer knows this sign-in PIN (it expired or belongs to another install).',
    field: 'pinId',
    fix: 'Start the Plex sign-in again.',
    action: fixAction('plex.signin'),
  });

const plexTvOffline = (message: string) =>
  new UpsFailure({
    code: 'INTERNAL',
    message,
    fix: 'Check that this PC is online (plex.tv must be reachable), then sign in again; you can also skip this step and sign in after the install.',
  });

export function plexSignInUseCases(deps: PlexSignInDeps) {
  const context = async () => {
    const cfg: StackConfig | null = await installedStackOf(deps.installRoot);
    // The same identifier before and after install, and the one the wiring uses, so plex.tv sees one device.
    const clientId = await ensurePlexClientId(deps.configDir, cfg);
    return { cfg, clientId, plexTv: plexTvFor(clientId, deps.plex) };
  };
  return {
    'plex.signin.start': async (): Promise<PlexSignInStartResult> => {
      const start = await startPlexSignIn((await context()).plexTv).catch((err: unknown) => {
        // plex.tv is on the internet, not in the stack: the generic "is it running" fix would mislead here.
        if (err instanceof HttpFailure && (err.kind === 'unreachable' || err.kind === 'timeout'))
          throw plexTvOffline(err.error.message);
        throw err;
      });
      return { pinId: start.pinId, authUrl: start.authUrl };
    },
    'plex.signin.poll': async ({ pinId }: { pinId: number }): Promise<PlexSignInPoll> => {
      const { cfg, clientId, plexTv } = await context();
      const pin = await plexTv.checkPin(pinId).catch((err: unknown) => {
        // plex.tv forgets a PIN when it expires (about 30 minutes) or when it was made for another client id.
        if (err instanceof HttpFailure && err.status === 404) throw pinGone();
        throw err;
      });
      if (!pin.authToken) return { status: 'waiting' };
      await deps.vault.set('plex.token', pin.authToken);
      // Who signed in is only shown, so plex.tv not answering it does not undo a sign-in that worked.
      const account = await plexTv.account(pin.authToken).catch(() => null);
      if (!cfg) return { status: 'signed-in', account, claim: { ok: true, detail: WILL_CLAIM_AT_INSTALL } };
      // The claim token is fetched only now, after approval, so it cannot expire while the user reads the page.
      const claim = await claimOutcome(
        plexTv,
        deps.vault,
        plexServerFor(cfg, clientId, deps.vault, deps.plex),
        'Signed in, but the server could not be claimed',
      );
      return { status: 'signed-in', account, claim };
    },
    'plex.account': async (): Promise<PlexAccountStatus> => {
      const token = await deps.vault.get('plex.token');
      const { cfg, clientId, plexTv } = await context();
      // A stored token plex.tv refuses leaves as UNAUTHORIZED with "sign in again" (the client's authFix).
      const account = token ? await plexTv.account(token) : null;
      if (!cfg) return { account, server: 'not-installed' };
      const server = await plexServerFor(cfg, clientId, deps.vault, deps.plex)
        .identity()
        .then((id) => (id.claimed ? ('claimed' as const) : ('unclaimed' as const)))
        .catch(() => 'unreachable' as const);
      return { account, server };
    },
  } satisfies HandlerGroup;
}

export const plexHandlers = ({ deps }: AppContext): HandlerGroup =>
  plexSignInUseCases({
    installRoot: deps.installRoot,
    vault: deps.vault,
    plex: deps.plex,
    configDir: deps.profile.configDir,
  });
