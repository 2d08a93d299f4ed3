// app.startAtLogin.* and app.updateChannel.* handlers: the Electron door injects the login item and the preference
// store; the CLI and browser mode answer NOT_FOUND ("only in the desktop app") with the fix.
import {
  UpsFailure,
  type FolderPick,
  type FolderPickInput,
  type StartAtLogin,
  type UpdateChannel,
  type UpdateChannelName,
} from '../../contract';
import type { AppContext, HandlerGroup } from '../app-context';

/** What the Electron door injects (src/main/login-item.ts underneath); core never sees electron's app. */
export interface StartAtLoginPort {
  read(): boolean;
  /** Returns what the OS reports after the write. */
  write(enabled: boolean): boolean;
}

/** The desktop app's stored update channel (src/main/app-prefs.ts, electron-store underneath). */
export interface UpdateChannelPort {
  read(): UpdateChannelName;
  /** Returns what is stored after the write. */
  write(channel: UpdateChannelName): UpdateChannelName;
}

/** The desktop app's folder dialog: resolves to the chosen folder, or null when the user cancelled. */
export type FolderPickerPort = (input: FolderPickInput) => Promise<string | null>;

function desktopOnly<T>(port: T | undefined, what: string, where: string): T {
  if (port) return port;
  throw new UpsFailure({
    code: 'NOT_FOUND',
    message: `${what} is a setting of the desktop app.`,
    fix: `Change it in the desktop app (${where}).`,
  });
}

export function createAppSettingsHandlers(
  port: StartAtLoginPort | undefined,
  channelPort?: UpdateChannelPort,
  folderPicker?: FolderPickerPort,
) {
  const loginItem = () => desktopOnly(port, '"Start with Windows"', 'tray menu or dashboard settings');
  const channel = () => desktopOnly(channelPort, 'The update channel', 'dashboard settings');
  return {
    'app.startAtLogin.get': async (): Promise<StartAtLogin> => ({ enabled: loginItem().read() }),
    'app.startAtLogin.set': async ({ enabled }: StartAtLogin): Promise<StartAtLogin> => ({
      enabled: loginItem().write(enabled),
    }),
    'app.updateChannel.get': async (): Promise<UpdateChannel> => ({ channel: channel().read() }),
    'app.updateChannel.set': async (input: UpdateChannel): Promise<UpdateChannel> => ({
      channel: channel().write(input.channel),
    }),
    'folders.pick': async (input: FolderPickInput): Promise<FolderPick> => {
      if (!folderPicker)
        throw new UpsFailure({
          code: 'NOT_FOUND',
          message: 'Browsing for a folder works in the desktop app only.',
          fix: 'Type the full path of the folder instead.',
        });
      return { path: await folderPicker(input) };
    },
  };
}

export const appSettingsHandlers = ({ deps }: AppContext): HandlerGroup =>
  createAppSettingsHandlers(deps.desktop.startAtLogin, deps.desktop.updateChannel, deps.desktop.pickFolder);
