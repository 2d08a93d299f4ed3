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

export interface TrayState {
  /** Last known stack.status; null until the first push arrives. */
  stack: StackStatus | null;
  /** A long stack operation in flight (pull, up, update), from progress pushes; null when idle. */
  operation: ProgressEvent | null;
  appUpdate: AppUpdateState;
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
  if (state.operation || state.appUpdate.kind === 'downloading') return 'updating';
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
