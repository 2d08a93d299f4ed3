// Electron composition root: builds the App service with production deps and hands it to the thin adapters.
import { app, BrowserWindow, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json';
import { createAppService } from '../core/app/app-service';
import { defaultAppDeps } from '../core/app/default-deps';
import { bindIpc } from './ipc-binder';
import { createMainWindow } from './main-window';
import { restrictSession } from './security';
import { isTrustedSenderUrl } from './trusted-sender';

const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const preload = join(here, '..', 'preload', 'preload.cjs');
const allowedExternalHosts = new Set(['app.plex.tv', 'www.plex.tv', 'docs.docker.com', 'learn.microsoft.com']);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const core = createAppService(defaultAppDeps({ version: pkg.version, door: 'electron' }));
  let win: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  void app.whenReady().then(() => {
    restrictSession(session.defaultSession);
    bindIpc(core, (url) => isTrustedSenderUrl(url, rendererIndex), () => BrowserWindow.getAllWindows().map((w) => w.webContents));
    win = createMainWindow({ BrowserWindow, openExternal: (url) => void shell.openExternal(url), allowedExternalHosts, preload, rendererIndex });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
