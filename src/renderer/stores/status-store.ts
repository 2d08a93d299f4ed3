// Store for the live stack status: filled by one call, then kept current by pushes (no polling).
import { create } from 'zustand';
import type { PushEvent, StackStatus, UpsApi, UpsError } from '../../core/contract';

export type StatusState = { phase: 'loading' } | { phase: 'ready'; status: StackStatus } | { phase: 'error'; error: UpsError };

export function applyPush(s: StatusState, event: PushEvent): StatusState {
  if (event.type !== 'stack.status') return s;
  return { phase: 'ready', status: event.status };
}

export interface StatusStore {
  state: StatusState;
  load(api: UpsApi): Promise<void>;
  push(event: PushEvent): void;
}

export const useStatusStore = create<StatusStore>((set, get) => ({
  state: { phase: 'loading' },
  async load(api) {
    const res = await api.invoke('stack.status', {});
    set({ state: res.ok ? { phase: 'ready', status: res.value } : { phase: 'error', error: res.error } });
  },
  push(event) {
    set({ state: applyPush(get().state, event) });
  },
}));
