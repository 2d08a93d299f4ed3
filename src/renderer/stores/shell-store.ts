// Store for the app shell: which view shows (the wizard until an install has succeeded, then the dashboard).
import { create } from 'zustand';
import type { AppInfo, UpsApi, UpsError, WizardProgress } from '../../core/contract';

export type View = 'wizard' | 'dashboard';
export type ShellState =
  | { phase: 'loading' }
  | { phase: 'ready'; info: AppInfo; view: View; installed: boolean }
  | { phase: 'error'; error: UpsError };

/**
 * Whether an install has succeeded. The install pointer is written with the stack files, before the stack starts
 * (docs/decisions.md D30), so a root alone also means "an install that failed": the wizard's saved progress tells them
 * apart (a finished install moves it past the install step). No saved progress with a root: installed another way
 * (the CLI), so the stack is there.
 */
export function installSucceeded(info: AppInfo, progress: WizardProgress | null): boolean {
  if (!info.installRoot) return false;
  if (!progress) return true;
  return progress.step === 'done' || progress.completed.includes('install');
}

export const shellTransitions = {
  /** The wizard until an install has succeeded (after a failed one it opens again, where the user left it). */
  loaded: (_s: ShellState, info: AppInfo, progress: WizardProgress | null = null): ShellState => {
    const installed = installSucceeded(info, progress);
    return { phase: 'ready', info, installed, view: installed ? 'dashboard' : 'wizard' };
  },
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
    const [res, progress] = await Promise.all([api.invoke('app.info', {}), api.invoke('wizard.load', {})]);
    // Unreadable progress counts as none: the wizard store reports that error on its own screen.
    const saved = progress.ok ? progress.value : null;
    set({
      state: res.ok
        ? shellTransitions.loaded(get().state, res.value, saved)
        : shellTransitions.failed(get().state, res.error),
    });
  },
  navigate(view) {
    set({ state: shellTransitions.navigate(get().state, view) });
  },
}));
