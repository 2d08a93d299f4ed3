// Reads one input-less call when a screen mounts and on demand (reload): loading → the answer, or its error. Shared by
// the wizard's views of the vault (secrets.status) and of the Plex sign-in (plex.account).
import { useCallback, useEffect, useState } from 'react';
import type { CallInput, CallOutput, Channel, UpsApi, UpsError } from '../core/contract';

export type CallView<T> = { phase: 'loading' } | { phase: 'ready'; status: T } | { phase: 'error'; error: UpsError };

export function useCall<C extends Channel>(api: UpsApi, channel: C): [CallView<CallOutput<C>>, () => Promise<void>] {
  const [view, setView] = useState<CallView<CallOutput<C>>>({ phase: 'loading' });
  const reload = useCallback(async () => {
    const res = await api.invoke(channel, {} as CallInput<C>);
    setView(res.ok ? { phase: 'ready', status: res.value } : { phase: 'error', error: res.error });
  }, [api, channel]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return [view, reload];
}
