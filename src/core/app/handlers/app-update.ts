// app.update.* handlers: a door that has an updater (Electron) injects it; the CLI and browser mode answer NOT_FOUND.
import { UpsFailure, type AppUpdateRunInput, type AppUpdateState } from '../../contract';
import type { AppContext, HandlerGroup } from '../app-context';

/** What the Electron door injects (src/main/app-updater.ts satisfies it); core never sees electron-updater. */
export interface AppUpdatesPort {
  state(): AppUpdateState;
  check(): Promise<void>;
  download(): Promise<void>;
  /** Returns false when there is no downloaded update to install. */
  install(): boolean;
}

export function createAppUpdateHandlers(port: AppUpdatesPort | undefined) {
  const updates = (): AppUpdatesPort => {
    if (port) return port;
    throw new UpsFailure({
      code: 'NOT_FOUND',
      message: 'App updates are handled by the desktop app.',
      fix: 'Use "Check for updates" in the tray menu of the desktop app; the CLI is updated with it.',
    });
  };
  return {
    'app.update.status': async () => updates().state(),
    'app.update.run': async ({ action }: AppUpdateRunInput) => {
      const u = updates();
      if (action === 'check') await u.check();
      else if (action === 'download') await u.download();
      else if (!u.install()) {
        throw new UpsFailure({
          code: 'BAD_INPUT',
          message: 'There is no downloaded update to install.',
          field: 'input.action',
          fix: 'Download the offered update first.',
        });
      }
      return u.state();
    },
  };
}

export const appUpdateHandlers = ({ deps }: AppContext): HandlerGroup =>
  createAppUpdateHandlers(deps.desktop.appUpdates);
