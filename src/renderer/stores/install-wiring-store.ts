// The last install's connect run (links and problems), handed from the Install step to the Done screen.
import { create } from 'zustand';
import type { StackWiringResult } from '../../core/contract';

export interface InstallWiringStore {
  /** undefined: no install in this window yet (the Done screen then tests the links itself). */
  wiring?: StackWiringResult | null;
  set(wiring: StackWiringResult | null): void;
}

export const useInstallWiringStore = create<InstallWiringStore>((set) => ({
  wiring: undefined,
  set: (wiring) => set({ wiring }),
}));
