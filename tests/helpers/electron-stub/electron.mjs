// A stand-in `electron` module for running the built main entry under Node (no Electron binary here): it offers only
// what the CLI launch may touch (app.isPackaged, app.exit) and throws on anything else, so a test that passes proves
// the --ups-cli path never builds a window, tray, session or IPC handler.
// Electron sets these for a packaged app started as `electron <app>`; main reads argv after the app path then.
process.defaultApp = true;
process.resourcesPath ??= process.env.UPS_STUB_RESOURCES_PATH ?? '/nonexistent-resources';

const refuse = (name) =>
  new Proxy(function electronStub() {}, {
    get: (_t, prop) => {
      throw new Error(`electron.${name}.${String(prop)} was used by a CLI launch`);
    },
    apply: () => {
      throw new Error(`electron.${name}() was called by a CLI launch`);
    },
    construct: () => {
      throw new Error(`new electron.${name}() was called by a CLI launch`);
    },
  });

const allowed = { isPackaged: true, exit: (code) => process.exit(code) };
export const app = new Proxy(allowed, {
  get: (target, prop) => {
    if (prop in target) return target[prop];
    throw new Error(`electron.app.${String(prop)} was used by a CLI launch`);
  },
});
export const BrowserWindow = refuse('BrowserWindow');
export const dialog = refuse('dialog');
export const Menu = refuse('Menu');
export const nativeImage = refuse('nativeImage');
export const Notification = refuse('Notification');
export const session = refuse('session');
export const shell = refuse('shell');
export const Tray = refuse('Tray');
export const screen = refuse('screen');
export const ipcMain = refuse('ipcMain');
export const contextBridge = refuse('contextBridge');
export const ipcRenderer = refuse('ipcRenderer');
export default { app, BrowserWindow, dialog, Menu, nativeImage, Notification, session, shell, Tray, screen, ipcMain };
