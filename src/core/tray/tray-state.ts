// Tray state (electron-free): what the tray shows, folded from stack.status pushes, progress and the app updater.
import type { AppUpdateState, ProgressEvent, StackStatus } from '../contract';

export type TrayIconKind = 'running' | 'degraded' | 'stopped' | 'updating' | 'vpn-alert' | 'not-installed' | 'unknown';
export const trayIconKinds: readonly TrayIconKind[] = [
  'running',
  'degraded',
  'stopped',
  'updating',
  'vpn-alert',
  'not-installed',
  'unknown',
];

export type VpnState = 'connected' | 'down' | 'absent' | 'unknown';

/** The app's own update (electron-updater): offered, downloaded only when asked, installed only when asked. */
export type { AppUpdateState };

/** The stack's images (update.check / update.apply, health-gated with rollback in the engine), as the tray follows them. */
export type StackUpdateState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'none' }
  | { kind: 'available'; services: string[] }
  | { kind: 'applying'; operationId: string }
  | { kind: 'done'; outcome: 'applied' | 'rolled-back' | 'failed' | 'nothing-to-do'; message: string }
  | { kind: 'error'; message: string };

export interface TrayState {
  /** Last known stack.status; null until the first push arrives. */
  stack: StackStatus | null;
  /** A long stack operation in flight (pull, up, update), from progress pushes; null when idle. */
  operation: ProgressEvent | null;
  appUpdate: AppUpdateState;
  stackUpdate: StackUpdateState;
  startAtLogin: boolean;
  /** The engine's VPN watch said "leak" or "tunnel-down" (with its reason); null once it says "safe" again. */
  vpnAlert: string | null;
  /** Why stack.status could not be read (e.g. Docker Desktop not running); cleared by the next status. */
  engineError: string | null;
}

export const initialTrayState: TrayState = {
  stack: null,
  operation: null,
  appUpdate: { kind: 'idle' },
  stackUpdate: { kind: 'idle' },
  startAtLogin: false,
  vpnAlert: null,
  engineError: null,
};

/** The VPN container is the `vpn` compose service (docs/decisions.md D6); down means not running or failing its healthcheck. */
export function vpnState(stack: StackStatus | null): VpnState {
  if (!stack) return 'unknown';
  // The engine's VPN watch verdict rides on the status as `vpn` when a watch runs; a definite verdict wins.
  // Read structurally so this builds whether or not the contract field has landed.
  const watch = (stack as { vpn?: { verdict?: string } }).vpn;
  if (watch?.verdict === 'leak' || watch?.verdict === 'tunnel-down') return 'down';
  if (watch?.verdict === 'safe') return 'connected';
  const vpn = stack.services.find((s) => s.service === 'vpn');
  if (!vpn) return 'absent';
  if (vpn.state !== 'running' || vpn.health === 'unhealthy') return 'down';
  return vpn.health === 'starting' ? 'unknown' : 'connected';
}

/** The VPN as the tray shows it: the engine's watch verdict wins over the container's own health. */
export function vpnOf(state: TrayState): VpnState {
  return state.vpnAlert !== null ? 'down' : vpnState(state.stack);
}

/** One icon for the whole state, most urgent first: work in progress, then a VPN alert, then the stack's health. */
export function trayIconKind(state: TrayState): TrayIconKind {
  if (state.operation || state.appUpdate.kind === 'downloading' || state.stackUpdate.kind === 'applying')
    return 'updating';
  if (!state.stack) return 'unknown';
  const { overall } = state.stack;
  if ((overall === 'running' || overall === 'degraded') && vpnOf(state) === 'down') return 'vpn-alert';
  return overall;
}

/** Folds the engine's VPN watch verdict in: only a definite answer changes the alert ("unknown" keeps the last one). */
export function withVpnVerdict(state: TrayState, verdict: string, reason: string): TrayState {
  if (verdict === 'leak' || verdict === 'tunnel-down') return { ...state, vpnAlert: reason };
  if (verdict === 'safe') return { ...state, vpnAlert: null };
  return state;
}

/** Folds a progress push into the state: an operation ends when its last step reports current === total. */
export function withProgress(state: TrayState, progress: ProgressEvent): TrayState {
  const done = progress.total > 0 && progress.current >= progress.total;
  return { ...state, operation: done ? null : progress };
}

/** Folds a stack-update state in; when the update ends, its own progress line ends with it (the engine's last push
 *  need not say current === total when it rolled back). */
export function withStackUpdate(state: TrayState, stackUpdate: StackUpdateState): TrayState {
  const prev = state.stackUpdate;
  const ended = prev.kind === 'applying' && stackUpdate.kind !== 'applying';
  const operation = ended && state.operation?.operationId === prev.operationId ? null : state.operation;
  return { ...state, stackUpdate, operation };
}
