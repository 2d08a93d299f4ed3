// The tray's stack update: update.check, then on the user's click update.apply with its own operation id, so the
// engine's progress pushes show in the tooltip and the taskbar. Health gate and rollback are the engine's (D10).
import type { Envelope, UpdateCheck, UpdateRecord } from '../core/contract';
import type { StackUpdateState } from '../core/tray/tray-state';

/** The two App service entries this needs (AppService['call'] fits). */
export interface StackUpdateCore {
  call(channel: 'update.check', input?: Record<string, never>): Promise<Envelope<UpdateCheck>>;
  call(channel: 'update.apply', input: { operationId: string }): Promise<Envelope<UpdateRecord>>;
}

export interface StackUpdater {
  check(): Promise<void>;
  apply(): Promise<void>;
}

export function createStackUpdater(
  core: StackUpdateCore,
  set: (state: StackUpdateState) => void,
  now: () => number = Date.now,
): StackUpdater {
  let running = false;
  // One at a time: a second click while a check or an update runs does nothing.
  const once = async (work: () => Promise<void>) => {
    if (running) return;
    running = true;
    try {
      await work();
    } finally {
      running = false;
    }
  };
  return {
    check: () =>
      once(async () => {
        set({ kind: 'checking' });
        const res = await core.call('update.check', {});
        if (!res.ok) return set({ kind: 'error', message: res.error.message });
        const services = res.value.services.filter((s) => s.updateAvailable).map((s) => s.service);
        set(services.length ? { kind: 'available', services } : { kind: 'none' });
      }),
    apply: () =>
      once(async () => {
        const operationId = `stack-update-${now().toString(36)}`;
        set({ kind: 'applying', operationId });
        const res = await core.call('update.apply', { operationId });
        if (!res.ok) return set({ kind: 'error', message: res.error.message });
        set({ kind: 'done', outcome: res.value.outcome, message: res.value.message });
      }),
  };
}
