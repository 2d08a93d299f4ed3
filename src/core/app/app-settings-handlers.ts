// app.startAtLogin.* handlers: the Electron door injects the login item; the CLI and browser mode answer NOT_FOUND.
import { UpsFailure, type StartAtLogin } from '../contract';

/** What the Electron door injects (src/main/login-item.ts underneath); core never sees electron's app. */
export interface StartAtLoginPort {
  read(): boolean;
  /** Returns what the OS reports after the write. */
  write(enabled: boolean): boolean;
}

export function createAppSettingsHandlers(port: StartAtLoginPort | undefined) {
  const loginItem = (): StartAtLoginPort => {
    if (port) return port;
    throw new UpsFailure({
      code: 'NOT_FOUND',
      message: '"Start with Windows" is a setting of the desktop app.',
      fix: 'Change it in the desktop app (tray menu or dashboard settings).',
    });
  };
  return {
    'app.startAtLogin.get': async (): Promise<StartAtLogin> => ({ enabled: loginItem().read() }),
    'app.startAtLogin.set': async ({ enabled }: StartAtLogin): Promise<StartAtLogin> => ({ enabled: loginItem().write(enabled) }),
  };
}
