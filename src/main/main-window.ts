// The dashboard window: created hidden, shown when ready, locked down before any content loads, hidden (not closed) to the tray.
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { restrictWebContents, secureWebPreferences, type ExternalPolicy } from './security';

export interface WindowDeps {
  BrowserWindow: new (opts: BrowserWindowConstructorOptions) => BrowserWindowType;
  openExternal(url: string): void;
  /** Which links may open in the user's browser (external-links.ts). */
  externalPolicy: ExternalPolicy;
  preload: string;
  rendererIndex: string;
  /** False when launched at login with --hidden: the window is built but stays in the tray. */
  showWhenReady?: boolean;
  /** True once the user chose Quit; until then closing the window only hides it. */
  isQuitting?: () => boolean;
  icon?: string;
  /** Where the window opens (window-bounds.ts): the place remembered for its display, or centred on the primary one. */
  placement?: { bounds: { x: number; y: number; width: number; height: number }; maximized: boolean };
}

export function createMainWindow(deps: WindowDeps): BrowserWindowType {
  const win = new deps.BrowserWindow({
    width: 1100,
    height: 760,
    ...(deps.placement ? deps.placement.bounds : {}),
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Ultimate Plex Stack',
    ...(deps.icon ? { icon: deps.icon } : {}),
    webPreferences: secureWebPreferences(deps.preload),
  });
  restrictWebContents(win.webContents, deps.openExternal, deps.externalPolicy);
  // Shown only once painted, so the user never sees an empty white frame.
  if (deps.placement?.maximized) win.maximize();
  if (deps.showWhenReady !== false) win.once('ready-to-show', () => win.show());
  if (deps.isQuitting) hideToTrayOnClose(win, deps.isQuitting);
  void win.loadFile(deps.rendererIndex);
  return win;
}

/** A tray app keeps running when its window closes (Windows convention for background services). */
export function hideToTrayOnClose(win: Pick<BrowserWindowType, 'on' | 'hide'>, isQuitting: () => boolean): void {
  win.on('close', (event) => {
    if (isQuitting()) return;
    event.preventDefault();
    win.hide();
  });
}

/** Brings the window forward from minimized, hidden or behind other windows. */
export function revealWindow(win: Pick<BrowserWindowType, 'isMinimized' | 'restore' | 'show' | 'focus'>): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
