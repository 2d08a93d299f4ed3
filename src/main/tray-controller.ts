// Thin tray controller: renders buildTrayMenu's projection into an Electron Tray, touching it only when something changed.
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { buildTrayMenu, type TrayActions, type TrayMenuItem, type TrayView } from '../core/tray/tray-menu';
import type { TrayIconKind, TrayState } from '../core/tray/tray-state';

export type TrayLike = Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'on' | 'destroy'>;

export interface TrayPorts {
  createTray(icon: NativeImage | string): TrayLike;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  iconFor(kind: TrayIconKind): NativeImage | string;
}

export interface TrayController {
  update(state: TrayState): void;
  dispose(): void;
}

export function toMenuTemplate(items: TrayMenuItem[]): MenuItemConstructorOptions[] {
  return items.map((i): MenuItemConstructorOptions => {
    switch (i.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { id: i.id, label: i.label, enabled: false };
      case 'checkbox':
        return { id: i.id, label: i.label, type: 'checkbox', checked: i.checked, click: () => i.click() };
      case 'action':
        return { id: i.id, label: i.label, enabled: i.enabled, click: () => i.click() };
    }
  });
}

/** What the user can see of the menu; clicks are closures and differ every render, so they are left out. */
const menuSignature = (view: TrayView) => JSON.stringify(view.items.map((i) => ({ ...i, click: undefined })));

export function createTrayController(ports: TrayPorts, actions: TrayActions, initial: TrayState): TrayController {
  let view = buildTrayMenu(initial, actions);
  const tray = ports.createTray(ports.iconFor(view.icon));
  tray.setToolTip(view.tooltip);
  tray.setContextMenu(ports.buildMenu(toMenuTemplate(view.items)));
  // Windows convention: a left click opens the app, the right click shows the menu.
  tray.on('click', () => actions.openDashboard());

  return {
    update(state) {
      const next = buildTrayMenu(state, actions);
      if (next.icon !== view.icon) tray.setImage(ports.iconFor(next.icon));
      if (next.tooltip !== view.tooltip) tray.setToolTip(next.tooltip);
      // Rebuilding the menu while it is open closes it on Windows, so only when its content really changed.
      if (menuSignature(next) !== menuSignature(view)) tray.setContextMenu(ports.buildMenu(toMenuTemplate(next.items)));
      view = next;
    },
    dispose: () => tray.destroy(),
  };
}
