// The app's own updates through electron-updater: checked and offered; downloaded and installed only when the user asks.
import type { UpdateChannelName } from '../core/contract';
import type { AppUpdateState } from '../core/tray/tray-state';
import type { UpdateFeed } from './update-feed';

/** The slice of electron-updater's AppUpdater we use; the real `autoUpdater` satisfies it, tests pass a fake. */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string; channel?: string }): void;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: string, listener: (...args: never[]) => void): unknown;
}

export interface AppUpdater {
  /** quiet: the automatic check at start-up; its failure (e.g. offline) leaves the state idle instead of alarming. */
  check(opts?: { quiet?: boolean }): Promise<void>;
  /** User consent #1: fetch the offered version. */
  download(): Promise<void>;
  /** User consent #2: quit and run the installer; refused unless a download finished. */
  install(): boolean;
  state(): AppUpdateState;
}

export interface AppUpdaterOptions {
  now?: () => Date;
  /**
   * Runs just before quitAndInstall. electron-updater closes every window before `before-quit` fires, so a tray
   * app that hides windows on close must learn here that this close is a real quit.
   */
  beforeInstall?: () => void;
  /** The user's channel preference (src/main/app-prefs.ts), read whenever the feed is set: a change applies to the next check. */
  channel?: () => UpdateChannelName;
}

/** electron-updater channel for a preference: beta reads beta.yml; stable keeps the feed's own channel (default latest.yml). */
export function feedChannel(feed: UpdateFeed, preference: UpdateChannelName): string | undefined {
  return preference === 'beta' ? 'beta' : feed.channel;
}

export function createAppUpdater(
  updater: UpdaterPort,
  feed: UpdateFeed | null,
  onState: (s: AppUpdateState) => void,
  options: AppUpdaterOptions = {},
): AppUpdater {
  const now = options.now ?? (() => new Date());
  let current: AppUpdateState = { kind: 'idle' };
  let quiet = false;
  const set = (s: AppUpdateState) => {
    current = s;
    onState(s);
  };
  // Never behind the user's back: no silent download, no install on quit.
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  // setFeedURL makes a new provider, so the channel read here is the one the next check asks for.
  let applied: string | undefined | null = null;
  const applyFeed = () => {
    if (!feed) return;
    const channel = feedChannel(feed, options.channel?.() ?? 'stable');
    if (channel === applied) return;
    updater.setFeedURL({ provider: 'generic', url: feed.url, ...(channel ? { channel } : {}) });
    applied = channel;
  };
  applyFeed();

  updater.on('checking-for-update', () => set({ kind: 'checking' }));
  updater.on('update-available', ((info: { version: string }) => set({ kind: 'available', version: info.version })) as (
    ...a: never[]
  ) => void);
  updater.on('update-not-available', () => set({ kind: 'none', checkedAt: now().toISOString() }));
  updater.on('download-progress', ((p: { percent: number }) => {
    if (current.kind === 'available' || current.kind === 'downloading')
      set({ kind: 'downloading', version: current.version, percent: p.percent });
  }) as (...a: never[]) => void);
  updater.on('update-downloaded', ((info: { version: string }) => set({ kind: 'ready', version: info.version })) as (
    ...a: never[]
  ) => void);
  const failed = (err: Error) =>
    set(quiet ? { kind: 'idle' } : { kind: 'error', message: err?.message ?? String(err) });
  updater.on('error', failed as (...a: never[]) => void);

  return {
    async check(opts = {}) {
      if (!feed) {
        set({ kind: 'error', message: 'Updates are not configured for this build.' });
        return;
      }
      quiet = opts.quiet === true;
      try {
        applyFeed();
        // Failures arrive through the 'error' event as well; the catch only keeps a rejected promise from escaping.
        await updater.checkForUpdates().catch(failed);
      } finally {
        quiet = false;
      }
    },
    async download() {
      if (current.kind !== 'available') return;
      set({ kind: 'downloading', version: current.version, percent: 0 });
      await updater.downloadUpdate().catch(failed);
    },
    install() {
      if (current.kind !== 'ready') return false;
      options.beforeInstall?.();
      // isSilent=false shows the NSIS progress; isForceRunAfter=true restarts into the new version.
      updater.quitAndInstall(false, true);
      return true;
    },
    state: () => current,
  };
}
