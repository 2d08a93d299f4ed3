// Which vault entries are set (names only, never values): the VPN, Plex and review steps read it.
import { useCallback, useEffect, useState } from 'react';
import type { SecretsStatus, UpsApi, UpsError } from '../../core/contract';

export type SecretsView = { phase: 'loading' } | { phase: 'ready'; status: SecretsStatus } | { phase: 'error'; error: UpsError };

export function useSecretsStatus(api: UpsApi): [SecretsView, () => Promise<void>] {
  const [view, setView] = useState<SecretsView>({ phase: 'loading' });
  const reload = useCallback(async () => {
    const res = await api.invoke('secrets.status', {});
    setView(res.ok ? { phase: 'ready', status: res.value } : { phase: 'error', error: res.error });
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return [view, reload];
}

export const isSet = (view: SecretsView, name: string): boolean => view.phase === 'ready' && view.status.entries.some((e) => e.name === name && e.set);
