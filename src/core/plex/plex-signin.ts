// Plex sign-in without a claim-token race (electron-free): PIN → user approves in a browser → poll → token into the
// vault → claim the server with a fresh claim token. Re-running it re-claims a server that lost its owner.
import { UpsFailure } from '../contract';
import { fixAction } from '../contract/fix-action';
import type { SecretVault } from '../vault/secret-vault';
import type { PlexServerClient } from './plex-server-client';
import type { PlexTvClient } from './plex-tv-client';

export interface PlexSignInStart {
  pinId: number;
  code: string;
  /** Open this in the user's browser. */
  authUrl: string;
}

export interface WaitOptions {
  timeoutMs?: number;
  pollMs?: number;
  signal?: AbortSignal;
}

type TokenVault = Pick<SecretVault, 'get' | 'set'>;

export async function startPlexSignIn(plexTv: PlexTvClient): Promise<PlexSignInStart> {
  const pin = await plexTv.createPin();
  return { pinId: pin.id, code: pin.code, authUrl: plexTv.authUrl(pin.code) };
}

/** Polls until the user approves; the token goes straight into the vault and is never returned to a door. */
export async function waitForPlexToken(
  plexTv: PlexTvClient,
  vault: TokenVault,
  pinId: number,
  opts: WaitOptions = {},
): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 5 * 60_000;
  const pollMs = opts.pollMs ?? 2_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (opts.signal?.aborted) {
      throw new UpsFailure({
        code: 'BAD_INPUT',
        message: 'Plex sign-in was cancelled.',
        fix: 'Start the sign-in again when you are ready.',
      });
    }
    const pin = await plexTv.checkPin(pinId);
    if (pin.authToken) {
      await vault.set('plex.token', pin.authToken);
      return;
    }
    if (Date.now() >= deadline) {
      throw new UpsFailure({
        code: 'UNAUTHORIZED',
        message: `Plex sign-in was not approved within ${Math.round(timeoutMs / 1000)} s.`,
        fix: 'Start the sign-in again and approve it in the browser page that opens (sign in to plex.tv there if asked).',
      });
    }
    await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())), opts.signal);
  }
}

export async function requirePlexToken(vault: TokenVault): Promise<string> {
  const token = await vault.get('plex.token');
  if (!token)
    throw new UpsFailure({
      code: 'UNAUTHORIZED',
      message: 'No Plex sign-in is stored.',
      fix: 'Sign in to Plex first.',
      action: fixAction('plex.signin', {}, 'Sign in to Plex'),
    });
  return token;
}

/** Claims the server for the signed-in account unless it already is claimed; returns whether a claim was made. */
export async function claimPlexServer(
  plexTv: PlexTvClient,
  vault: TokenVault,
  server: PlexServerClient,
): Promise<boolean> {
  const identity = await server.identity();
  if (identity.claimed) return false;
  const token = await requirePlexToken(vault);
  await server.claim(await plexTv.claimToken(token));
  return true;
}

export interface PlexSignInFlow {
  plexTv: PlexTvClient;
  vault: TokenVault;
  server: PlexServerClient;
  /** Shows the PIN page to the user (the browser in the desktop app, a printed URL in the CLI). */
  open(start: PlexSignInStart): void | Promise<void>;
  wait?: WaitOptions;
}

/**
 * The whole sign-in: PIN → user approves → token into the vault → claim with a fresh claim token. No claim token is
 * asked for before the user approved, so none can expire while they read the page (the PLEX_CLAIM race).
 */
export async function runPlexSignIn(flow: PlexSignInFlow): Promise<{ claimed: boolean }> {
  const start = await startPlexSignIn(flow.plexTv);
  await flow.open(start);
  await waitForPlexToken(flow.plexTv, flow.vault, start.pinId, flow.wait);
  return { claimed: await claimPlexServer(flow.plexTv, flow.vault, flow.server) };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
