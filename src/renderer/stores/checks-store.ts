// Store for the environment checks screen: pure transitions exported for tests, a thin zustand shell around them.
import { create } from 'zustand';
import type { EnvCheck, UpsApi, UpsError } from '../../core/contract';

export type ChecksState =
  | { phase: 'idle' }
  | { phase: 'running'; previous?: EnvCheck }
  | { phase: 'done'; result: EnvCheck }
  | { phase: 'error'; error: UpsError };

export const checksTransitions = {
  start: (s: ChecksState): ChecksState => ({
    phase: 'running',
    previous: s.phase === 'done' ? s.result : s.phase === 'running' ? s.previous : undefined,
  }),
  succeed: (_s: ChecksState, result: EnvCheck): ChecksState => ({ phase: 'done', result }),
  failWith: (_s: ChecksState, error: UpsError): ChecksState => ({ phase: 'error', error }),
};

export interface ChecksStore {
  state: ChecksState;
  run(api: UpsApi): Promise<void>;
}

export const useChecksStore = create<ChecksStore>((set, get) => ({
  state: { phase: 'idle' },
  async run(api) {
    set({ state: checksTransitions.start(get().state) });
    const res = await api.invoke('env.check', {});
    set({
      state: res.ok
        ? checksTransitions.succeed(get().state, res.value)
        : checksTransitions.failWith(get().state, res.error),
    });
  },
}));
