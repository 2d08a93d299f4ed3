// The tray controller with electron's Tray/Menu faked at the edge: renders once, then only what changed.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayActions } from '../core/tray/tray-menu';
import { service, stack } from '../core/tray/tray-fixtures';
import { initialTrayState, type TrayState } from '../core/tray/tray-state';
import { createTrayController, toMenuTemplate } from './tray-controller';

vi.mock('electron', () => ({}));

function harness(initial: TrayState = initialTrayState) {
  const handlers = new Map<string, () => void>();
  const tray = {
    setImage: vi.fn(),
    setToolTip: vi.fn(),
    setContextMenu: vi.fn(),
    destroy: vi.fn(),
    on: vi.fn((e: string, h: () => void) => handlers.set(e, h)),
  };
  const menus: MenuItemConstructorOptions[][] = [];
  const actions = Object.fromEntries(
    [
      'openDashboard',
      'startStack',
      'stopStack',
      'restartStack',
      'checkForUpdates',
      'downloadAppUpdate',
      'installAppUpdate',
      'openPlex',
      'toggleStartAtLogin',
      'quit',
    ].map((k) => [k, vi.fn()]),
  ) as unknown as TrayActions & Record<string, ReturnType<typeof vi.fn>>;
  const createTray = vi.fn(() => tray);
  const controller = createTrayController(
    {
      createTray: createTray as never,
      buildMenu: (t) => (menus.push(t), { template: t }) as never,
      iconFor: (kind) => `/icons/${kind}.png`,
    },
    actions,
    initial,
  );
  return { controller, tray, menus, actions, handlers, createTray };
}

const running: TrayState = { ...initialTrayState, stack: stack('running', [service('vpn'), service('plex')]) };

describe('createTrayController', () => {
  it('first render sets icon, tooltip and menu', () => {
    const h = harness(running);
    expect(h.createTray).toHaveBeenCalledWith('/icons/running.png');
    expect(h.tray.setToolTip).toHaveBeenCalledWith('Ultimate Plex Stack: Running (2/2)');
    expect(h.menus).toHaveLength(1);
  });

  it('an identical state re-sent (e.g. a repeated status push) touches nothing', () => {
    const h = harness(running);
    h.controller.update({ ...running, stack: stack('running', [service('vpn'), service('plex')]) });
    h.controller.update(running);
    expect(h.tray.setImage).not.toHaveBeenCalled();
    expect(h.tray.setToolTip).toHaveBeenCalledTimes(1);
    expect(h.tray.setContextMenu).toHaveBeenCalledTimes(1);
  });

  it('a new state changes exactly what differs', () => {
    const h = harness(running);
    // Only the updater moved: icon and tooltip stay, the menu gets its new update item.
    h.controller.update({ ...running, appUpdate: { kind: 'available', version: '2.0.0' } });
    expect(h.tray.setImage).not.toHaveBeenCalled();
    expect(h.tray.setToolTip).toHaveBeenCalledTimes(1);
    expect(h.tray.setContextMenu).toHaveBeenCalledTimes(2);
    expect(h.menus[1]!.find((i) => i.id === 'update')?.label).toBe('Download update 2.0.0');
    // The stack stops: everything changes.
    h.controller.update({ ...running, stack: stack('stopped', [service('vpn', 'exited', 'none')]) });
    expect(h.tray.setImage).toHaveBeenCalledWith('/icons/stopped.png');
    expect(h.tray.setToolTip).toHaveBeenLastCalledWith('Ultimate Plex Stack: Stopped (0/1)');
    expect(h.tray.setContextMenu).toHaveBeenCalledTimes(3);
  });

  it('a progress step changes the tooltip without rebuilding an unchanged menu', () => {
    const op = (current: number) => ({
      ...running,
      operation: { operationId: 'u', step: 'Pulling images', current, total: 4, message: '' },
    });
    const h = harness(op(1));
    h.controller.update(op(2));
    expect(h.tray.setToolTip).toHaveBeenLastCalledWith('Ultimate Plex Stack: Pulling images 50% (2/4)');
    expect(h.tray.setContextMenu).toHaveBeenCalledTimes(1);
    expect(h.tray.setImage).not.toHaveBeenCalled();
  });

  it('left click opens the dashboard; menu clicks run the actions in main', () => {
    const h = harness(running);
    h.handlers.get('click')!();
    expect(h.actions.openDashboard).toHaveBeenCalledTimes(1);
    const stop = h.menus[0]!.find((i) => i.id === 'stop')!;
    (stop.click as () => void)();
    expect(h.actions.stopStack).toHaveBeenCalledTimes(1);
  });

  it('dispose destroys the tray icon', () => {
    const h = harness();
    h.controller.dispose();
    expect(h.tray.destroy).toHaveBeenCalled();
  });
});

describe('toMenuTemplate', () => {
  it('maps labels to disabled items, checkboxes and separators', () => {
    const t = toMenuTemplate([
      { kind: 'label', id: 's', label: 'Stack' },
      { kind: 'separator' },
      { kind: 'checkbox', id: 'c', label: 'C', checked: true, click: () => undefined },
    ]);
    expect(t).toEqual([
      { id: 's', label: 'Stack', enabled: false },
      { type: 'separator' },
      expect.objectContaining({ id: 'c', type: 'checkbox', checked: true }),
    ]);
  });
});
