// The dashboard window: created hidden, shown when ready, locked down before any content loads.
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { restrictWebContents, secureWebPreferences } from './security';

export interface WindowDeps {
  BrowserWindow: new (opts: BrowserWindowConstructorOptions) => BrowserWindowType;
  openExternal(url: string): void;
  allowedExternalHosts: ReadonlySet<string>;
  preload: string;
  rendererIndex: string;
}

export function createMainWindow(deps: WindowDeps): BrowserWindowType {
  const win = new deps.BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Ultimate Plex Stack',
    webPreferences: secureWebPreferences(deps.preload),
  });
  restrictWebContents(win.webContents, deps.openExternal, deps.allowedExternalHosts);
  win.once('ready-to-show', () => win.show());
  void win.loadFile(deps.rendererIndex);
  return win;
}
