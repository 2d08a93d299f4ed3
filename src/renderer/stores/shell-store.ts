// Store for the app shell: which view shows (wizard until a stack is installed, then the dashboard).
import { create } from 'zustand';
import type { AppInfo, UpsApi, UpsError } from '../../core/contract';

export type View = 'wizard' | 'dashboard';
export type ShellState =
  { phase: 'loading' } | { phase: 'ready'; info: AppInfo; view: View } | { phase: 'error'; error: UpsError };

export const shellTransitions = {
  /** No install root yet means no stack: the wizard is the first thing the user sees. */
  loaded: (_s: ShellState, info: AppInfo): ShellState => ({
    phase: 'ready',
    info,
    view: info.installRoot ? 'dashboard' : 'wizard',
  }),
  failed: (_s: ShellState, error: UpsError): ShellState => ({ phase: 'error', error }),
  navigate: (s: ShellState, view: View): ShellState => (s.phase === 'ready' ? { ...s, view } : s),
};

export interface ShellStore {
  state: ShellState;
  load(api: UpsApi): Promise<void>;
  navigate(view: View): void;
}

export const useShellStore = create<ShellStore>((set, get) => ({
  state: { phase: 'loading' },
  async load(api) {
    const res = await api.invoke('app.info', {});
    set({
      state: res.ok ? shellTransitions.loaded(get().state, res.value) : shellTransitions.failed(get().state, res.error),
    });
  },
  navigate(view) {
    set({ state: shellTransitions.navigate(get().state, view) });
  },
}));
