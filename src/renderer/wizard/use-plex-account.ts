// Who is signed in to plex.tv and whether the installed Plex server is claimed (plex.account): the Plex and done steps
// read it. Usernames only; the token never leaves the vault.
import type { PlexAccountStatus } from '../../core/contract';
import { useCall, type CallView } from '../use-call';

export type PlexAccountView = CallView<PlexAccountStatus>;

export const usePlexAccount = (): [PlexAccountView, () => Promise<void>] => useCall('plex.account');

/** One sentence on the server's side of the sign-in. */
export function plexServerText(server: PlexAccountStatus['server']): string {
  switch (server) {
    case 'not-installed':
      return 'Your Plex server will be claimed when the install starts Plex.';
    case 'claimed':
      return 'Your Plex server is claimed for your account.';
    case 'unclaimed':
      return 'Your Plex server is not claimed yet: sign in again to claim it.';
    case 'unreachable':
      return 'Plex is not answering yet; it is claimed once it runs (sign in again, or repair the links from the dashboard).';
  }
}

export const signedInText = (status: PlexAccountStatus): string =>
  status.account ? `Signed in as ${status.account.username}.` : 'Not signed in to Plex.';
