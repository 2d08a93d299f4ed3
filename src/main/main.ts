// Electron composition root: builds the App service with production deps and hands it to the thin adapters.
import { app, BrowserWindow, dialog, Menu, nativeImage, Notification, screen, session, shell, Tray } from 'electron';
import electronUpdater from 'electron-updater';
import Store from 'electron-store';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json';
import { createAppService } from '../core/app/app-service';
import { defaultAppDeps } from '../core/app/default-deps';
import { openDoorLog } from '../core/app/default-deps';
import { openAppPrefs, PREFS_FILE_NAME, prefsFile, type PrefsStore } from './app-prefs';
import { createAppUpdater } from './app-updater';
import { runBundledCli } from './cli-entry';
import { createDesktopActions } from './desktop-actions';
import { createExternalPolicy, openPlexWeb, webHostFromCore, webPortsFromCore } from './external-links';
import { createFolderPicker } from './folder-picker';
import { bindIpc } from './ipc-binder';
import { appArguments, readLaunchMode } from './launch-mode';
import { launchedHidden, readStartAtLogin, writeStartAtLogin } from './login-item';
import { createMainWindow, revealWindow } from './main-window';
import { createNotifier } from './notifier';
import { restrictSession } from './security';
import { runSelfTest, SELF_TEST_FAILED } from './self-test';
import { createShellState } from './shell-state';
import { claimSingleInstance } from './single-instance';
import { runStackVerb, type ConfirmQuestion } from './stack-actions';
import { createStackUpdater } from './stack-updater';
import { createTaskbarProgress } from './taskbar-progress';
import { createTrayController, type TrayController } from './tray-controller';
import { trayIconCache } from './tray-icon';
import { isTrustedSenderUrl } from './trusted-sender';
import { readUpdateFeed } from './update-feed';
import { restorePlacement, trackPlacement } from './window-bounds';

const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const preload = join(here, '..', 'preload', 'preload.cjs');
// Packaged: electron-builder's extraResources; dev: the repo's resources/ folder.
const resourcesDir = app.isPackaged ? process.resourcesPath : join(here, '..', '..', 'resources');
// Four sizes per state in one image (tray-icon.ts), so 125 % and 150 % displays get a bitmap drawn for them.
const trayIcon = trayIconCache({
  dir: join(resourcesDir, 'tray'),
  createEmpty: () => nativeImage.createEmpty(),
  readFile: (path) => readFileSync(path),
});
const appIcon = join(resourcesDir, 'icon.png');
const httpsHosts = new Set([
  'app.plex.tv',
  'www.plex.tv',
  'docs.docker.com',
  'learn.microsoft.com',
  'www.microsoft.com',
]);

let quitting = false;
let win: BrowserWindow | undefined;
// The preferences store once opened: the window's size and place per display live there (window-bounds.ts).
let windowPrefs: PrefsStore | undefined;
// `ups.cmd` launches this binary with --ups-cli; the release workflow with --self-test (docs/decisions.md#d29).
const launch = readLaunchMode(appArguments(process.argv, process.defaultApp));
const selfTest = launch.kind === 'app' && launch.selfTest;
// "Open Radarr" links: http only to this PC at a port the installed stack publishes (asked of the core per click).
let externalPolicy = createExternalPolicy({ httpsHosts, webPorts: async () => new Set<number>() });

function openDashboard(): void {
  if (!win || win.isDestroyed()) {
    win = createMainWindow({
      BrowserWindow,
      openExternal: (url) => void shell.openExternal(url),
      externalPolicy: (url) => externalPolicy(url),
      preload,
      rendererIndex,
      isQuitting: () => quitting,
      icon: appIcon,
      ...(windowPrefs ? { placement: restorePlacement(windowPrefs, screen) } : {}),
    });
    if (windowPrefs) trackPlacement(win, windowPrefs, screen);
  } else revealWindow(win);
}

if (launch.kind === 'cli') {
  // The CLI never takes the single-instance lock: that would hand the launch to a running app and open its window.
  void runBundledCli(launch.args, {
    cliEntry: join(here, '..', 'cli', 'ups.mjs'),
    proc: process,
    importModule: (url) => import(url),
    exit: (code) => app.exit(code),
  });
} else if (claimSingleInstance(app, openDashboard)) {
  // Windows shows notifications only for an app with an AppUserModelID; it must equal the installer's appId.
  app.setAppUserModelId('org.ultimateplexstack.app');
  openDoorLog('electron').info({ version: pkg.version, packaged: app.isPackaged }, 'app started');
  let tray: TrayController | undefined;
  const notify = createNotifier(Notification, appIcon, openDashboard);
  // Install, update, wiring and migration progress also shows on the taskbar button.
  const taskbar = createTaskbarProgress(() => BrowserWindow.getAllWindows());
  const shellState = createShellState((s) => {
    tray?.update(s);
    taskbar.update(s);
  }, notify);
  const feedYml = join(process.resourcesPath ?? '', 'app-update.yml');
  const feed = readUpdateFeed({
    env: process.env,
    appUpdateYml: app.isPackaged && existsSync(feedYml) ? readFileSync(feedYml, 'utf8') : null,
  });
  // UI preferences (the update channel) in userData/preferences.json; no secret ever goes there. A damaged file never
  // stops the start-up: the app runs on the defaults and asks once it is ready (below).
  const opened = openAppPrefs(
    prefsFile(app.getPath('userData')),
    () => new Store<Record<string, unknown>>({ name: PREFS_FILE_NAME }),
  );
  const prefs = opened.prefs;
  windowPrefs = opened.store;
  // Updater states go out as `app.update` pushes: the tray (through shellState) and the dashboard see the same thing.
  const updater = createAppUpdater(
    electronUpdater.autoUpdater,
    feed.ok ? feed.feed : null,
    (update) => core.publish({ type: 'app.update', update }),
    {
      beforeInstall: () => {
        quitting = true;
      },
      channel: prefs.read,
    },
  );
  // One login item for the tray checkbox and the dashboard's app.startAtLogin.*; every write updates the tray.
  const startAtLogin = {
    read: () => readStartAtLogin(app),
    write: (enabled: boolean) => {
      const now = writeStartAtLogin(app, enabled);
      shellState.setStartAtLogin(now);
      return now;
    },
  };
  // The dashboard drives the same updater through app.update.* (the tray calls it directly).
  const deps = defaultAppDeps({ version: pkg.version, door: 'electron' });
  const core = createAppService({
    ...deps,
    // openFolder: the dashboard's "Open folder" after a diagnostics export (the core passes only its own folder).
    desktop: {
      appUpdates: updater,
      startAtLogin,
      updateChannel: prefs,
      openFolder: (path) => shell.openPath(path),
      pickFolder: createFolderPicker(dialog),
    },
  });
  externalPolicy = createExternalPolicy({
    httpsHosts,
    webPorts: () => webPortsFromCore(core),
    webHost: () => webHostFromCore(core),
  });
  const stackUpdater = createStackUpdater(core, (s) => shellState.setStackUpdate(s));
  // The tray's disruptive actions ask first (no window may be open: a native box, Cancel the default).
  const askConfirm = async (q: ConfirmQuestion) =>
    (
      await dialog.showMessageBox({
        type: 'question',
        title: q.title,
        message: q.title,
        detail: q.message,
        buttons: [q.yes, 'Cancel'],
        defaultId: 1,
        cancelId: 1,
      })
    ).response === 0;
  const stackError = (e: { message: string; fix?: string }) =>
    notify({
      id: 'stack-failed',
      title: 'The stack did not respond',
      body: [e.message, e.fix].filter(Boolean).join(' '),
    });

  void app.whenReady().then(async () => {
    restrictSession(session.defaultSession);
    const prefsProblem = opened.problem();
    if (prefsProblem) {
      const answer = await dialog.showMessageBox({
        type: 'warning',
        title: 'Ultimate Plex Stack',
        message: 'The app preferences could not be read, so the defaults are used for now.',
        detail: `${prefsProblem.message}\n\n${prefsProblem.fix ?? ''}`,
        buttons: ['Reset the preferences', 'Continue with the defaults'],
        defaultId: 0,
        cancelId: 1,
      });
      if (answer.response === 0) {
        const movedTo = opened.reset();
        if (movedTo) openDoorLog('electron').info({ movedTo }, 'damaged preferences kept aside');
      }
    }
    bindIpc(
      core,
      (url) => isTrustedSenderUrl(url, rendererIndex),
      () => BrowserWindow.getAllWindows().map((w) => w.webContents),
    );
    core.subscribe((event) => shellState.onPush(event));
    shellState.setStartAtLogin(startAtLogin.read());
    const desktop = createDesktopActions({
      shell,
      dialog,
      notify,
      logsDir: deps.profile.logsDir,
      installRoot: deps.installRoot,
      documentsDir: app.getPath('documents'),
      core,
    });
    tray = createTrayController(
      { createTray: (icon) => new Tray(icon), buildMenu: (t) => Menu.buildFromTemplate(t), iconFor: trayIcon },
      {
        openDashboard,
        startStack: () => void runStackVerb(core, 'start', stackError, askConfirm),
        stopStack: () => void runStackVerb(core, 'stop', stackError, askConfirm),
        restartStack: () => void runStackVerb(core, 'restart', stackError, askConfirm),
        checkForUpdates: () => void updater.check(),
        downloadAppUpdate: () => void updater.download(),
        installAppUpdate: () => void updater.install(),
        checkStackUpdates: () => void stackUpdater.check(),
        applyStackUpdate: () => void stackUpdater.apply(),
        openPlex: () => void openPlexWeb(core, (url) => shell.openExternal(url)),
        openLogsFolder: () => void desktop.openLogsFolder(),
        openInstallFolder: () => void desktop.openInstallFolder(),
        exportDiagnostics: () => void desktop.exportDiagnostics(),
        toggleStartAtLogin: () => void startAtLogin.write(!shellState.current().startAtLogin),
        quit: () => app.quit(),
      },
      shellState.current(),
    );
    // The first status is asked for once; afterwards the engine's status mirror pushes changes.
    const first = await core.call('stack.status');
    if (first.ok) shellState.onPush({ type: 'stack.status', status: first.value });
    else shellState.setEngineError(first.error.message);
    // First launch (nothing installed) always opens the wizard; a login-item launch stays in the tray.
    const installed = first.ok && first.value.overall !== 'not-installed';
    if (!launchedHidden(process.argv, app) || !installed || selfTest) openDashboard();
    if (selfTest && win)
      void runSelfTest({
        contents: win.webContents,
        version: pkg.version,
        timeoutMs: 60_000,
        write: (line) => new Promise<void>((resolve) => void process.stdout.write(`${line}\n`, () => resolve())),
        exit: (code) => app.exit(code),
      });
    else if (feed.ok) void updater.check({ quiet: true });
  });

  app.on('before-quit', () => {
    quitting = true;
  });
  // A tray app lives on with no window; it ends only through Quit.
  app.on('window-all-closed', () => undefined);
} else if (selfTest) {
  // Another instance holds the lock: a self-test that quietly quit with 0 would pass without testing anything.
  app.exit(SELF_TEST_FAILED);
}
