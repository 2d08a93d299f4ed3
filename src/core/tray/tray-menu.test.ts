// The tray projection for every state: icon, tooltip, which actions are enabled, and that clicks reach the actions.
import { describe, expect, it, vi } from 'vitest';
import { buildTrayMenu, TOOLTIP_MAX, type TrayActions, type TrayMenuItem } from './tray-menu';
import { service, stack } from './tray-fixtures';
import { initialTrayState, trayIconKinds, withStackUpdate, type TrayState } from './tray-state';

const actions = (): TrayActions => ({
  openDashboard: vi.fn(),
  startStack: vi.fn(),
  stopStack: vi.fn(),
  restartStack: vi.fn(),
  checkForUpdates: vi.fn(),
  downloadAppUpdate: vi.fn(),
  installAppUpdate: vi.fn(),
  checkStackUpdates: vi.fn(),
  applyStackUpdate: vi.fn(),
  openPlex: vi.fn(),
  openLogsFolder: vi.fn(),
  openInstallFolder: vi.fn(),
  exportDiagnostics: vi.fn(),
  toggleStartAtLogin: vi.fn(),
  quit: vi.fn(),
});
const item = (items: TrayMenuItem[], id: string) => {
  const found = items.find((i) => i.kind !== 'separator' && i.id === id);
  if (!found || found.kind === 'separator') throw new Error(`no item ${id}`);
  return found;
};
const enabled = (items: TrayMenuItem[], id: string) => {
  const i = item(items, id);
  return i.kind === 'action' ? i.enabled : true;
};
const all = [service('vpn'), service('plex'), service('radarr')];

const states: Record<string, TrayState> = {
  running: { ...initialTrayState, stack: stack('running', all) },
  degraded: {
    ...initialTrayState,
    stack: stack('degraded', [service('vpn'), service('plex'), service('radarr', 'running', 'unhealthy')]),
  },
  stopped: {
    ...initialTrayState,
    stack: stack('stopped', [service('vpn', 'exited', 'none'), service('plex', 'exited', 'none')]),
  },
  'vpn-alert': {
    ...initialTrayState,
    stack: stack('degraded', [service('vpn', 'running', 'unhealthy'), service('plex')]),
  },
  updating: {
    ...initialTrayState,
    stack: stack('running', all),
    operation: { operationId: 'update-1', step: 'Pulling images', current: 3, total: 9, message: '' },
  },
  'not-installed': { ...initialTrayState, stack: stack('not-installed', []) },
  unknown: initialTrayState,
};

describe('buildTrayMenu', () => {
  it('has a fixture for every icon kind', () => {
    expect(Object.keys(states).sort()).toEqual([...trayIconKinds].sort());
  });

  it.each(Object.entries(states))('%s: shows its own icon and a tooltip that says so', (kind, state) => {
    const view = buildTrayMenu(state, actions());
    expect(view.icon).toBe(kind);
    expect(view.tooltip.startsWith('Ultimate Plex Stack:')).toBe(true);
    expect(view.tooltip.length).toBeLessThanOrEqual(TOOLTIP_MAX);
  });

  it('running: stop and restart enabled, start disabled, Plex reachable', () => {
    const { items, tooltip } = buildTrayMenu(states.running!, actions());
    expect([
      enabled(items, 'start'),
      enabled(items, 'stop'),
      enabled(items, 'restart'),
      enabled(items, 'open-plex'),
    ]).toEqual([false, true, true, true]);
    expect(tooltip).toBe('Ultimate Plex Stack: Running (3/3)');
    expect(item(items, 'vpn').label).toBe('VPN: connected');
  });

  it('degraded: every lifecycle action is available, the summary counts the unhealthy service out', () => {
    const { items, tooltip } = buildTrayMenu(states.degraded!, actions());
    expect([enabled(items, 'start'), enabled(items, 'stop'), enabled(items, 'restart')]).toEqual([true, true, true]);
    expect(tooltip).toContain('(2/3)');
  });

  it('stopped: only start, and Plex cannot be opened', () => {
    const { items } = buildTrayMenu(states.stopped!, actions());
    expect([
      enabled(items, 'start'),
      enabled(items, 'stop'),
      enabled(items, 'restart'),
      enabled(items, 'open-plex'),
    ]).toEqual([true, false, false, false]);
    expect(item(items, 'vpn').label).toBe('VPN: DOWN');
  });

  it('vpn-alert: the VPN line and tooltip warn even though the stack is otherwise up', () => {
    const { items, tooltip } = buildTrayMenu(states['vpn-alert']!, actions());
    expect(item(items, 'vpn').label).toBe('VPN: DOWN');
    expect(tooltip).toContain('VPN is down');
  });

  it('updating: progress is in the tooltip and lifecycle actions wait', () => {
    const { items, tooltip } = buildTrayMenu(states.updating!, actions());
    expect(tooltip).toBe('Ultimate Plex Stack: Pulling images 33% (3/9)');
    expect([enabled(items, 'start'), enabled(items, 'stop'), enabled(items, 'restart')]).toEqual([false, false, false]);
  });

  it('not-installed: the first item opens setup and nothing can be started', () => {
    const { items } = buildTrayMenu(states['not-installed']!, actions());
    expect(item(items, 'open-dashboard').label).toBe('Open setup');
    expect(enabled(items, 'start')).toBe(false);
    expect(item(items, 'vpn').label).toBe('VPN: not set up');
  });

  it('app update: check → download offered → restart offered, each wired to its own action', () => {
    const a = actions();
    const click = (state: TrayState) => {
      const i = item(buildTrayMenu(state, a).items, 'update');
      if (i.kind !== 'action') throw new Error('update is an action');
      i.click();
      return i.label;
    };
    expect(click(states.running!)).toBe('Check for app updates');
    expect(a.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(click({ ...states.running!, appUpdate: { kind: 'available', version: '1.2.0' } })).toBe(
      'Download update 1.2.0',
    );
    expect(a.downloadAppUpdate).toHaveBeenCalledTimes(1);
    expect(click({ ...states.running!, appUpdate: { kind: 'ready', version: '1.2.0' } })).toBe(
      'Restart to update to 1.2.0',
    );
    expect(a.installAppUpdate).toHaveBeenCalledTimes(1);
    const dl = buildTrayMenu(
      { ...states.running!, appUpdate: { kind: 'downloading', version: '1.2.0', percent: 41.7 } },
      a,
    );
    expect(dl.icon).toBe('updating');
    expect(dl.tooltip).toBe('Ultimate Plex Stack: downloading update 1.2.0 41%');
    expect(enabled(dl.items, 'update')).toBe(false);
  });

  it('the start-with-Windows checkbox mirrors the setting and toggles it', () => {
    const a = actions();
    const i = item(buildTrayMenu({ ...states.running!, startAtLogin: true }, a).items, 'start-at-login');
    expect(i.kind === 'checkbox' && i.checked).toBe(true);
    if (i.kind === 'checkbox') i.click();
    expect(a.toggleStartAtLogin).toHaveBeenCalledTimes(1);
  });

  it('quit and open dashboard are always there and always enabled', () => {
    for (const state of Object.values(states)) {
      const { items } = buildTrayMenu(state, actions());
      expect(enabled(items, 'quit')).toBe(true);
      expect(enabled(items, 'open-dashboard')).toBe(true);
    }
  });

  it('before any status, an unreachable engine is said plainly; the first status clears it', () => {
    const down = { ...initialTrayState, engineError: 'connect ENOENT //./pipe/docker_engine' };
    const view = buildTrayMenu(down, actions());
    expect(view.tooltip).toBe('Ultimate Plex Stack: Docker engine not reachable');
    expect(item(view.items, 'status').label).toBe('Stack: Docker engine not reachable');
    expect(enabled(view.items, 'start')).toBe(false);
  });

  it('clips a long tooltip to what Windows shows', () => {
    const long = {
      ...states.running!,
      operation: { operationId: 'x', step: 'y'.repeat(300), current: 1, total: 2, message: '' },
    };
    const { tooltip } = buildTrayMenu(long, actions());
    expect(tooltip.length).toBe(TOOLTIP_MAX);
    expect(tooltip.endsWith('…')).toBe(true);
  });
});

describe('stack updates in the tray', () => {
  const click = (state: TrayState, a: TrayActions) => {
    const i = item(buildTrayMenu(state, a).items, 'stack-update');
    if (i.kind !== 'action') throw new Error('stack-update is an action');
    if (i.enabled) i.click();
    return { label: i.label, enabled: i.enabled };
  };

  it('check → "Update stack (n)" → progress in the tooltip → back to check, each click on its own action', () => {
    const a = actions();
    expect(click(states.running!, a)).toEqual({ label: 'Check for stack updates', enabled: true });
    expect(a.checkStackUpdates).toHaveBeenCalledTimes(1);
    const checking = { ...states.running!, stackUpdate: { kind: 'checking' as const } };
    expect(click(checking, a)).toEqual({ label: 'Checking stack updates…', enabled: false });
    const available = { ...states.running!, stackUpdate: { kind: 'available' as const, services: ['radarr', 'plex'] } };
    expect(click(available, a)).toEqual({ label: 'Update stack (2 services)', enabled: true });
    expect(a.applyStackUpdate).toHaveBeenCalledTimes(1);

    const applying: TrayState = {
      ...states.running!,
      stackUpdate: { kind: 'applying', operationId: 'stack-update-1' },
      operation: { operationId: 'stack-update-1', step: 'update', current: 2, total: 5, message: 'radarr healthy' },
    };
    const view = buildTrayMenu(applying, a);
    expect(view.icon).toBe('updating');
    expect(view.tooltip).toBe('Ultimate Plex Stack: updating the stack 40%: radarr healthy');
    expect(click(applying, a)).toEqual({ label: 'Updating the stack…', enabled: false });
    // Lifecycle verbs wait for the update.
    expect(enabled(view.items, 'stop')).toBe(false);
    const noPushYet = { ...applying, operation: null };
    expect(buildTrayMenu(noPushYet, a).tooltip).toBe('Ultimate Plex Stack: updating the stack…');

    const rolledBack = withStackUpdate(applying, { kind: 'done', outcome: 'rolled-back', message: 'radarr failed' });
    expect(rolledBack.operation).toBeNull();
    expect(click(rolledBack, a).label).toBe('Check for stack updates');
    expect(buildTrayMenu(rolledBack, a).icon).toBe('running');
  });

  it('nothing to update before install or while other work runs', () => {
    expect(click(states['not-installed']!, actions()).enabled).toBe(false);
    expect(click(states.updating!, actions()).enabled).toBe(false);
    const available = { ...states.updating!, stackUpdate: { kind: 'available' as const, services: ['plex'] } };
    expect(click(available, actions())).toEqual({ label: 'Update stack (1 service)', enabled: false });
  });

  it('folders and diagnostics: the install folder only once installed; logs and diagnostics always', () => {
    const a = actions();
    const run = (state: TrayState, id: string) => {
      const i = item(buildTrayMenu(state, a).items, id);
      if (i.kind !== 'action') throw new Error(`${id} is an action`);
      if (i.enabled) i.click();
      return i.enabled;
    };
    expect([
      run(states['not-installed']!, 'open-install-folder'),
      run(states['not-installed']!, 'open-logs-folder'),
      run(states.unknown!, 'export-diagnostics'),
    ]).toEqual([false, true, true]);
    expect(run(states.running!, 'open-install-folder')).toBe(true);
    expect(a.openInstallFolder).toHaveBeenCalledTimes(1);
    expect(a.openLogsFolder).toHaveBeenCalledTimes(1);
    expect(a.exportDiagnostics).toHaveBeenCalledTimes(1);
  });
});
