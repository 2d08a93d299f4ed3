// Tray projection (electron-free): state + injected actions → icon, tooltip and menu items; pure, so it is unit-tested.
import { trayIconKind, vpnOf, type TrayIconKind, type TrayState } from './tray-state';

export interface TrayActions {
  openDashboard(): void;
  startStack(): void;
  stopStack(): void;
  restartStack(): void;
  checkForUpdates(): void;
  downloadAppUpdate(): void;
  installAppUpdate(): void;
  /** update.check on the stack's images. */
  checkStackUpdates(): void;
  /** update.apply: pull, recreate, wait for health, roll back what fails (the engine's health gate). */
  applyStackUpdate(): void;
  openPlex(): void;
  openLogsFolder(): void;
  openInstallFolder(): void;
  exportDiagnostics(): void;
  toggleStartAtLogin(): void;
  quit(): void;
}

export type TrayMenuItem =
  | { kind: 'separator' }
  | { kind: 'action'; id: string; label: string; enabled: boolean; click: () => void }
  | { kind: 'checkbox'; id: string; label: string; checked: boolean; click: () => void }
  | { kind: 'label'; id: string; label: string };

export interface TrayView {
  icon: TrayIconKind;
  tooltip: string;
  items: TrayMenuItem[];
}

/** Windows truncates notification-area tooltips at 127 characters (NOTIFYICONDATA.szTip is 128 WCHARs). */
export const TOOLTIP_MAX = 127;

const stateWords: Record<TrayIconKind, string> = {
  running: 'Running',
  degraded: 'Degraded: some services need attention',
  stopped: 'Stopped',
  updating: 'Updating',
  'vpn-alert': 'VPN is down: downloads are paused',
  'not-installed': 'Not installed yet',
  unknown: 'Checking…',
};

export function buildTrayMenu(state: TrayState, actions: TrayActions): TrayView {
  const icon = trayIconKind(state);
  const overall = state.stack?.overall;
  const hasStack = overall !== undefined && overall !== 'not-installed';
  const busy = state.operation !== null;
  const canStart = hasStack && !busy && overall !== 'running';
  const canStop = hasStack && !busy && overall !== 'stopped';
  const plexUp = state.stack?.services.some((s) => s.service === 'plex' && s.state === 'running') ?? false;
  const items: TrayMenuItem[] = [
    {
      kind: 'action',
      id: 'open-dashboard',
      label: overall === 'not-installed' ? 'Open setup' : 'Open dashboard',
      enabled: true,
      click: actions.openDashboard,
    },
    { kind: 'separator' },
    { kind: 'label', id: 'status', label: `Stack: ${headline(state, icon)}` },
    { kind: 'label', id: 'vpn', label: vpnLabel(state) },
    { kind: 'separator' },
    { kind: 'action', id: 'start', label: 'Start stack', enabled: canStart, click: actions.startStack },
    { kind: 'action', id: 'stop', label: 'Stop stack', enabled: canStop, click: actions.stopStack },
    { kind: 'action', id: 'restart', label: 'Restart stack', enabled: canStop, click: actions.restartStack },
    { kind: 'separator' },
    stackUpdateItem(state, actions, hasStack && !busy),
    updateItem(state, actions),
    { kind: 'action', id: 'open-plex', label: 'Open Plex', enabled: plexUp, click: actions.openPlex },
    {
      kind: 'action',
      id: 'open-install-folder',
      label: 'Open install folder',
      enabled: hasStack,
      click: actions.openInstallFolder,
    },
    { kind: 'action', id: 'open-logs-folder', label: 'Open logs folder', enabled: true, click: actions.openLogsFolder },
    {
      kind: 'action',
      id: 'export-diagnostics',
      label: 'Export diagnostics…',
      enabled: true,
      click: actions.exportDiagnostics,
    },
    {
      kind: 'checkbox',
      id: 'start-at-login',
      label: 'Start with Windows',
      checked: state.startAtLogin,
      click: actions.toggleStartAtLogin,
    },
    { kind: 'separator' },
    { kind: 'action', id: 'quit', label: 'Quit', enabled: true, click: actions.quit },
  ];
  return { icon, tooltip: clip(tooltipFor(state, icon)), items };
}

function servicesSummary(state: TrayState): string {
  const services = state.stack?.services ?? [];
  if (services.length === 0) return '';
  const up = services.filter((s) => s.state === 'running' && s.health !== 'unhealthy').length;
  return ` (${up}/${services.length})`;
}

function vpnLabel(state: TrayState): string {
  const words = { connected: 'connected', down: 'DOWN', absent: 'not set up', unknown: 'checking…' } as const;
  return `VPN: ${words[vpnOf(state)]}`;
}

function updateItem(state: TrayState, actions: TrayActions): TrayMenuItem {
  const u = state.appUpdate;
  switch (u.kind) {
    case 'available':
      return {
        kind: 'action',
        id: 'update',
        label: `Download update ${u.version}`,
        enabled: true,
        click: actions.downloadAppUpdate,
      };
    case 'downloading':
      return {
        kind: 'action',
        id: 'update',
        label: `Downloading update ${u.version}… ${Math.floor(u.percent)}%`,
        enabled: false,
        click: actions.downloadAppUpdate,
      };
    case 'ready':
      return {
        kind: 'action',
        id: 'update',
        label: `Restart to update to ${u.version}`,
        enabled: true,
        click: actions.installAppUpdate,
      };
    case 'checking':
      return {
        kind: 'action',
        id: 'update',
        label: 'Checking for app updates…',
        enabled: false,
        click: actions.checkForUpdates,
      };
    default:
      return {
        kind: 'action',
        id: 'update',
        label: 'Check for app updates',
        enabled: true,
        click: actions.checkForUpdates,
      };
  }
}

/** The stack's own update: check → "Update stack (n)" → progress → result; it waits while other work runs. */
function stackUpdateItem(state: TrayState, actions: TrayActions, idle: boolean): TrayMenuItem {
  const u = state.stackUpdate;
  const item = (label: string, enabled: boolean, click: () => void): TrayMenuItem => ({
    kind: 'action',
    id: 'stack-update',
    label,
    enabled,
    click,
  });
  switch (u.kind) {
    case 'checking':
      return item('Checking stack updates…', false, actions.checkStackUpdates);
    case 'applying':
      return item('Updating the stack…', false, actions.applyStackUpdate);
    case 'available':
      return item(
        `Update stack (${u.services.length} ${u.services.length === 1 ? 'service' : 'services'})`,
        idle,
        actions.applyStackUpdate,
      );
    default:
      return item('Check for stack updates', idle, actions.checkStackUpdates);
  }
}

function tooltipFor(state: TrayState, icon: TrayIconKind): string {
  const head = 'Ultimate Plex Stack';
  const op = state.operation;
  if (state.stackUpdate.kind === 'applying') {
    // The engine's update pushes: "update 2/5: radarr healthy" reads as "Updating the stack 40%: radarr healthy".
    const mine = op && op.operationId === state.stackUpdate.operationId ? op : null;
    if (!mine) return `${head}: updating the stack…`;
    const pct = mine.total > 0 ? ` ${Math.floor((mine.current / mine.total) * 100)}%` : '';
    return `${head}: updating the stack${pct}${mine.message ? `: ${mine.message}` : ''}`;
  }
  if (op) {
    const pct = op.total > 0 ? ` ${Math.floor((op.current / op.total) * 100)}%` : '';
    return `${head}: ${op.step}${pct} (${op.current}/${op.total})`;
  }
  if (state.appUpdate.kind === 'downloading')
    return `${head}: downloading update ${state.appUpdate.version} ${Math.floor(state.appUpdate.percent)}%`;
  return `${head}: ${headline(state, icon)}`;
}

function headline(state: TrayState, icon: TrayIconKind): string {
  // Before any status arrived, an unreachable engine is the honest answer, not "Checking…" forever.
  if (!state.stack && state.engineError) return 'Docker engine not reachable';
  return `${stateWords[icon]}${servicesSummary(state)}`;
}

function clip(text: string): string {
  return text.length <= TOOLTIP_MAX ? text : `${text.slice(0, TOOLTIP_MAX - 1)}…`;
}
