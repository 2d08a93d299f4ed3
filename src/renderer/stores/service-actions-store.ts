// Store for per-service actions on the dashboard (restart): which one is busy, and the last failure with its fix.
import { create } from 'zustand';
import type { UpsApi, UpsError } from '../../core/contract';

export type ServiceAction =
  | { phase: 'idle' }
  | { phase: 'busy'; action: 'restart'; operationId?: string }
  | { phase: 'failed'; action: 'restart'; error: UpsError };
export type ServiceActionsState = Record<string, ServiceAction>;

export const serviceActionTransitions = {
  start: (s: ServiceActionsState, service: string): ServiceActionsState => ({
    ...s,
    [service]: { phase: 'busy', action: 'restart' },
  }),
  done: (s: ServiceActionsState, service: string): ServiceActionsState => ({ ...s, [service]: { phase: 'idle' } }),
  failed: (s: ServiceActionsState, service: string, error: UpsError): ServiceActionsState => ({
    ...s,
    [service]: { phase: 'failed', action: 'restart', error },
  }),
};

export interface ServiceActionsStore {
  state: ServiceActionsState;
  restart(api: UpsApi, service: string): Promise<void>;
}

export const useServiceActionsStore = create<ServiceActionsStore>((set, get) => ({
  state: {},
  async restart(api, service) {
    if (get().state[service]?.phase === 'busy') return;
    set({ state: serviceActionTransitions.start(get().state, service) });
    const res = await api.invoke('stack.restart', { services: [service] });
    set({
      state: res.ok
        ? serviceActionTransitions.done(get().state, service)
        : serviceActionTransitions.failed(get().state, service, res.error),
    });
  },
}));
