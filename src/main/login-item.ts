// "Start with Windows": the OS login item, launched with --hidden so the app starts in the tray without a window.
import type { App } from 'electron';

export const HIDDEN_ARG = '--hidden';
export type LoginItemApp = Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>;

// Windows matches the login item by path + args, so reads must pass the same args the write used.
const args = [HIDDEN_ARG];

export function readStartAtLogin(app: LoginItemApp): boolean {
  return app.getLoginItemSettings({ args }).openAtLogin;
}

export function writeStartAtLogin(app: LoginItemApp, enabled: boolean): boolean {
  app.setLoginItemSettings({ openAtLogin: enabled, args });
  return readStartAtLogin(app);
}

/** Started by the login item: Windows passes our --hidden argument; macOS says so in wasOpenedAtLogin instead. */
export function launchedHidden(argv: readonly string[], app?: Pick<App, 'getLoginItemSettings'>): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  return app?.getLoginItemSettings().wasOpenedAtLogin === true;
}
