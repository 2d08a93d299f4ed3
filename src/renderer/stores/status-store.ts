// Store for the live stack status: filled by one call, then kept current by pushes (no polling).
import { create } from 'zustand';
import type { PushEvent, StackStatus, UpsApi, UpsError } from '../../core/contract';

export type StatusState =
  { phase: 'loading' } | { phase: 'ready'; status: StackStatus } | { phase: 'error'; error: UpsError };

export function applyPush(s: StatusState, event: PushEvent): StatusState {
  if (event.type !== 'stack.status') return s;
  return { phase: 'ready', status: event.status };
}

export const statusTransitions = {
  loaded: (_s: StatusState, status: StackStatus): StatusState => ({ phase: 'ready', status }),
  /** A push that arrived while the first read was failing already tells the truth: keep it. */
  failed: (s: StatusState, error: UpsError): StatusState => (s.phase === 'ready' ? s : { phase: 'error', error }),
  push: applyPush,
};

export interface StatusStore {
  state: StatusState;
  load(api: UpsApi): Promise<void>;
  push(event: PushEvent): void;
}

export const useStatusStore = create<StatusStore>((set, get) => ({
  state: { phase: 'loading' },
  async load(api) {
    const res = await api.invoke('stack.status', {});
    set({
      state: res.ok
        ? statusTransitions.loaded(get().state, res.value)
        : statusTransitions.failed(get().state, res.error),
    });
  },
  push(event) {
    const next = applyPush(get().state, event);
    if (next !== get().state) set({ state: next });
  },
}));
