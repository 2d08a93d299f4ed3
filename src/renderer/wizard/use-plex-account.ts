// Who is signed in to plex.tv and whether the installed Plex server is claimed (plex.account): the Plex and done steps
// read it. Usernames only; the token never leaves the vault.
import { useCallback, useEffect, useState } from 'react';
import type { PlexAccountStatus, UpsApi, UpsError } from '../../core/contract';

export type PlexAccountView = { phase: 'loading' } | { phase: 'ready'; status: PlexAccountStatus } | { phase: 'error'; error: UpsError };

export function usePlexAccount(api: UpsApi): [PlexAccountView, () => Promise<void>] {
  const [view, setView] = useState<PlexAccountView>({ phase: 'loading' });
  const reload = useCallback(async () => {
    const res = await api.invoke('plex.account', {});
    setView(res.ok ? { phase: 'ready', status: res.value } : { phase: 'error', error: res.error });
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return [view, reload];
}

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
      return 'Plex is not answering yet; it is claimed once it runs (Sign in again, or `ups apply`).';
  }
}

export const signedInText = (status: PlexAccountStatus): string => (status.account ? `Signed in as ${status.account.username}.` : 'Not signed in to Plex.');
