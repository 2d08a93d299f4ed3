// Holds the tray's state in main: folds App-service pushes (status, progress, VPN, app update) in, then renders and notifies on change.
import type { PushEvent } from '../core/contract';
import { migrationDoneNotification, notificationsFor, type NotificationSpec } from '../core/tray/tray-notifications';
import {
  initialTrayState,
  withProgress,
  withStackUpdate,
  withVpnVerdict,
  type StackUpdateState,
  type TrayState,
} from '../core/tray/tray-state';

export interface ShellState {
  onPush(event: PushEvent): void;
  setStartAtLogin(enabled: boolean): void;
  setEngineError(message: string | null): void;
  setStackUpdate(update: StackUpdateState): void;
  current(): TrayState;
}

export function createShellState(
  render: (state: TrayState) => void,
  notify: (spec: NotificationSpec) => void,
  initial: TrayState = initialTrayState,
): ShellState {
  let state = initial;
  const apply = (next: TrayState) => {
    const prev = state;
    state = next;
    for (const spec of notificationsFor(prev, next)) notify(spec);
    render(next);
  };
  return {
    onPush(event) {
      if (event.type === 'stack.status') apply({ ...state, stack: event.status, engineError: null });
      else if (event.type === 'app.update') apply({ ...state, appUpdate: event.update });
      else if (event.type === 'progress') {
        const p = event.progress;
        const done = migrationDoneNotification(p.operationId, p.current, p.total);
        if (done) notify(done);
        apply(withProgress(state, p));
      } else {
        // The engine's VPN watch push (`vpn.alert`) is read structurally so this file builds before and after it lands.
        const other = event as { type: string; alert?: { verdict?: unknown; reason?: unknown } };
        if (other.type === 'vpn.alert' && typeof other.alert?.verdict === 'string')
          apply(withVpnVerdict(state, other.alert.verdict, String(other.alert.reason ?? '')));
      }
    },
    setStartAtLogin: (startAtLogin) => apply({ ...state, startAtLogin }),
    setEngineError: (engineError) => apply({ ...state, engineError }),
    setStackUpdate: (update) => apply(withStackUpdate(state, update)),
    current: () => state,
  };
}
