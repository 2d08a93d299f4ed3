// The composition root with electron, electron-updater and the App service mocked at their edges: what starts, and when.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushEvent, StackStatus } from '../core/contract';
import { trayIconKinds } from '../core/tray/tray-state';

const h = vi.hoisted(() => ({
  gotLock: true,
  wasOpenedAtLogin: false,
  /** The mocked profile's log folder: openLogsFolder creates it, so it lives under the OS temp folder. */
  logsDir: '',
  /** Answers of the mocked App service by channel; stack.status is `status`. */
  answers: {} as Record<string, (input: unknown) => unknown>,
  coreCalls: [] as { channel: string; input: unknown }[],
  live: [] as unknown[],
  opened: [] as string[],
  status: null as null | { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } },
  pushListeners: [] as ((e: unknown) => void)[],
  windows: [] as {
    opts: Record<string, unknown>;
    emitter: import('node:events').EventEmitter;
    shown: number;
    focused: number;
    progress: number[];
    openHandler?: (d: { url: string }) => unknown;
  }[],
  trays: [] as {
    icon: unknown;
    tooltip: string;
    menus: number;
    menu: { id?: string; label?: string; click?: () => void }[];
    emitter: import('node:events').EventEmitter;
  }[],
  updater: null as unknown as import('node:events').EventEmitter & Record<string, ReturnType<typeof vi.fn>>,
  calls: [] as string[],
  app: null as unknown as import('node:events').EventEmitter & Record<string, unknown>,
  ready: null as unknown as () => void,
  cliRuns: [] as { args: readonly string[]; cliEntry: string }[],
  pageAnswer: undefined as unknown,
}));

// The CLI runner itself is cli-entry.test.ts's subject (and the built one, tests/integration/packaged-cli.test.ts's).
vi.mock('./cli-entry', () => ({
  runBundledCli: vi.fn(async (args: readonly string[], deps: { cliEntry: string }) => {
    h.cliRuns.push({ args, cliEntry: deps.cliEntry });
    return 0;
  }),
}));

vi.mock('electron', async () => {
  const { EventEmitter: EE } = await import('node:events');
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const app = Object.assign(new EE(), {
    isPackaged: false,
    requestSingleInstanceLock: () => h.gotLock,
    quit: vi.fn(() => h.calls.push('app.quit')),
    setAppUserModelId: vi.fn(),
    whenReady: () => new Promise<void>((resolve) => (h.ready = resolve)),
    getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: h.wasOpenedAtLogin }),
    setLoginItemSettings: vi.fn(),
    getPath: (name: string) => `/home/user/${name}`,
    exit: vi.fn((code: number) => h.calls.push(`app.exit ${code}`)),
  });
  h.app = app as never;
  class BrowserWindow extends EE {
    static getAllWindows = () => h.live;
    webContents = Object.assign(new EE(), {
      setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => void (this.rec.openHandler = fn),
      isDestroyed: () => false,
      send: vi.fn(),
      isLoading: () => false,
      getURL: () => 'file:///app/dist/renderer/index.html',
      executeJavaScript: vi.fn(async () => h.pageAnswer),
    });
    rec: (typeof h.windows)[number];
    constructor(opts: Record<string, unknown>) {
      super();
      this.rec = { opts, emitter: this, shown: 0, focused: 0, progress: [] };
      h.windows.push(this.rec);
      h.live.push(this);
    }
    setProgressBar = (p: number) => void this.rec.progress.push(p);
    show = () => void this.rec.shown++;
    focus = () => void this.rec.focused++;
    hide = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 410, y: 140, width: 1100, height: 760 });
    isDestroyed = () => false;
    loadFile = vi.fn(async () => undefined);
  }
  class Tray extends EE {
    rec = {
      icon: undefined as unknown,
      tooltip: '',
      menus: 0,
      menu: [] as (typeof h.trays)[number]['menu'],
      emitter: this as EventEmitter,
    };
    constructor(icon: unknown) {
      super();
      this.rec.icon = icon;
      h.trays.push(this.rec);
    }
    setImage = (i: unknown) => void (this.rec.icon = i);
    setToolTip = (t: string) => void (this.rec.tooltip = t);
    setContextMenu = (m: (typeof h.trays)[number]['menu']) => {
      this.rec.menus++;
      this.rec.menu = m;
    };
    destroy = vi.fn();
  }
  class Notification extends EE {
    static isSupported = () => true;
    show = vi.fn();
  }
  return {
    app,
    BrowserWindow,
    Tray,
    Notification,
    Menu: { buildFromTemplate: (t: unknown) => t },
    // One multi-representation image per tray state (tray-icon.ts); the test reads back which PNGs it holds.
    nativeImage: {
      createEmpty: () => ({
        reps: [] as { scaleFactor: number; buffer: Buffer }[],
        addRepresentation(o: { scaleFactor: number; buffer: Buffer }) {
          this.reps.push(o);
        },
      }),
    },
    screen: {
      getAllDisplays: () => [display],
      getPrimaryDisplay: () => display,
      getDisplayMatching: () => display,
    },
    shell: {
      openExternal: vi.fn(async (url: string) => void h.opened.push(url)),
      openPath: vi.fn(async (path: string) => (h.opened.push(`path:${path}`), '')),
      showItemInFolder: vi.fn((path: string) => h.opened.push(`shown:${path}`)),
    },
    dialog: {
      showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/home/user/documents/diag' })),
      showMessageBox: vi.fn(async () => ({ response: 1 })),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(() => h.calls.push('permissions denied')),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn(() => h.calls.push('csp set')) },
      },
    },
    ipcMain: { handle: vi.fn(() => h.calls.push('ipc bound')), removeHandler: vi.fn() },
  };
});

vi.mock('electron-updater', async () => {
  const { EventEmitter: EE } = await import('node:events');
  const autoUpdater = Object.assign(new EE(), {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(),
    downloadUpdate: vi.fn(),
    quitAndInstall: vi.fn(),
  });
  h.updater = autoUpdater as never;
  return { default: { autoUpdater } };
});

// electron-store reads electron's userData path when built; the preferences are src/main/app-prefs.test.ts's subject.
vi.mock('electron-store', () => ({
  default: class {
    data = new Map<string, unknown>();
    get = (k: string) => this.data.get(k);
    set = (k: string, v: unknown) => void this.data.set(k, v);
  },
}));
vi.mock('../core/app/default-deps', async () => ({
  defaultAppDeps: () => ({ profile: { logsDir: h.logsDir }, installRoot: async () => '/stack' }),
  openDoorLog: () => ({ info: () => undefined }),
}));
vi.mock('../core/app/app-service', () => ({
  createAppService: () => ({
    handle: vi.fn(),
    call: vi.fn(async (channel: string, input: unknown) => {
      h.coreCalls.push({ channel, input });
      const answer = h.answers[channel];
      return answer ? answer(input) : h.status;
    }),
    subscribe: (l: (e: unknown) => void) => (h.pushListeners.push(l), () => undefined),
    publish: (e: unknown) => h.pushListeners.forEach((l) => l(e)),
  }),
}));

const status = (overall: StackStatus['overall']): StackStatus => ({
  project: 'ups',
  overall,
  services: [],
  observedAt: '2026-01-01T00:00:00Z',
});
const argv = process.argv;
/** The self-test prints its verdict on stdout; keep it out of the test output (the write callback still runs). */
const quietStdout = () =>
  vi.spyOn(process.stdout, 'write').mockImplementation(((_s: unknown, cb?: unknown) => {
    if (typeof cb === 'function') (cb as () => void)();
    return true;
  }) as typeof process.stdout.write);

async function boot(
  opts: { lock?: boolean; status?: typeof h.status; argv?: string[]; ready?: boolean; atLogin?: boolean } = {},
) {
  vi.resetModules();
  Object.assign(h, {
    gotLock: opts.lock ?? true,
    wasOpenedAtLogin: opts.atLogin ?? false,
    logsDir: join(tmpdir(), `ups-t-main-${process.pid}`, 'logs'),
    answers: {},
    coreCalls: [],
    live: [],
    opened: [],
    status: opts.status ?? { ok: true, value: status('running') },
    pushListeners: [],
    windows: [],
    trays: [],
    calls: [],
    cliRuns: [],
  });
  process.argv = opts.argv ?? ['electron', '.'];
  // The mocked electron module outlives resetModules: drop the listeners earlier boots left on its app.
  h.app?.removeAllListeners();
  if (h.updater) {
    h.updater.removeAllListeners();
    Object.assign(h.updater, { autoDownload: true, autoInstallOnAppQuit: true });
  }
  await import('./main');
  if (h.gotLock && opts.ready !== false) {
    h.ready();
    await vi.waitFor(() => expect(h.calls).toContain('ipc bound'));
    await new Promise((r) => setTimeout(r, 0));
  }
}

beforeEach(() => vi.spyOn(console, 'log').mockImplementation(() => undefined));
afterEach(async () => {
  process.argv = argv;
  if (h.logsDir) await rm(dirname(h.logsDir), { recursive: true, force: true });
});

/** Which tray state's icon an image is: its 1x representation is that state's committed 16 px PNG. */
function trayIconState(icon: unknown): string | undefined {
  const reps = (icon as { reps: { scaleFactor: number; buffer: Buffer }[] }).reps;
  expect(reps.map((r) => r.scaleFactor)).toEqual([1, 1.25, 1.5, 2]);
  const dir = join(import.meta.dirname, '..', '..', 'resources', 'tray');
  return trayIconKinds.find((k) => readFileSync(join(dir, `${k}.png`)).equals(reps[0]!.buffer));
}

describe('main (composition root)', () => {
  it('a second instance quits before building anything', async () => {
    await boot({ lock: false });
    expect(h.calls).toEqual(['app.quit']);
    expect(h.windows).toHaveLength(0);
    expect(h.trays).toHaveLength(0);
  });

  it('on ready: session locked down, IPC bound, tray shown, and the dashboard opens hidden-until-ready', async () => {
    await boot();
    expect(h.calls).toEqual(expect.arrayContaining(['permissions denied', 'csp set', 'ipc bound']));
    expect(h.trays).toHaveLength(1);
    expect(h.trays[0]!.tooltip).toBe('Ultimate Plex Stack: Running');
    expect(h.windows).toHaveLength(1);
    expect(h.windows[0]!.opts).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true },
      // First start, nothing remembered: the default size centred on the primary display's work area.
      x: 410,
      y: 140,
      width: 1100,
      height: 760,
    });
    expect(h.windows[0]!.shown).toBe(0);
    h.windows[0]!.emitter.emit('ready-to-show');
    expect(h.windows[0]!.shown).toBe(1);
  });

  it('a login-item launch (--hidden) of an installed stack stays in the tray', async () => {
    await boot({ argv: ['ups.exe', '--hidden'] });
    expect(h.trays).toHaveLength(1);
    expect(h.windows).toHaveLength(0);
  });

  it('first launch (nothing installed) opens the window even when started hidden, for the wizard', async () => {
    await boot({ argv: ['ups.exe', '--hidden'], status: { ok: true, value: status('not-installed') } });
    expect(h.windows).toHaveLength(1);
  });

  it('a second launch focuses the existing window instead of opening another', async () => {
    await boot();
    h.app.emit('second-instance', {}, ['ups.exe'], '/');
    expect(h.windows).toHaveLength(1);
    expect(h.windows[0]!.focused).toBe(1);
  });

  it('closing the window hides it to the tray; Quit really quits', async () => {
    await boot();
    const close = { preventDefault: vi.fn() };
    h.windows[0]!.emitter.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    h.app.emit('before-quit');
    const close2 = { preventDefault: vi.fn() };
    h.windows[0]!.emitter.emit('close', close2);
    expect(close2.preventDefault).not.toHaveBeenCalled();
  });

  it('status pushes reach the tray; a repeated one changes nothing', async () => {
    await boot();
    const tray = h.trays[0]!;
    const push = (e: PushEvent) => h.pushListeners.forEach((l) => l(e));
    push({ type: 'stack.status', status: status('stopped') });
    expect(trayIconState(tray.icon)).toBe('stopped');
    const menus = tray.menus;
    push({ type: 'stack.status', status: status('stopped') });
    expect(tray.menus).toBe(menus);
  });

  it('updater events travel as app.update pushes to the tray; nothing is downloaded or installed by itself', async () => {
    await boot();
    expect(h.updater.autoDownload).toBe(false);
    expect(h.updater.autoInstallOnAppQuit).toBe(false);
    const seen: unknown[] = [];
    h.pushListeners.push((e) => seen.push(e));
    h.updater.emit('update-available', { version: '0.9.0' });
    expect(seen).toEqual([{ type: 'app.update', update: { kind: 'available', version: '0.9.0' } }]);
    expect(h.trays[0]!.menu.find((i) => i.id === 'update')?.label).toBe('Download update 0.9.0');
    expect(h.updater.downloadUpdate).not.toHaveBeenCalled();
    expect(h.updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('an unreachable engine is shown in the tray', async () => {
    await boot({ status: { ok: false, error: { code: 'ENGINE_UNREACHABLE', message: 'no engine' } } });
    expect(h.trays[0]!.tooltip).toBe('Ultimate Plex Stack: Docker engine not reachable');
  });

  it('`--ups-cli -- <args>` runs the bundled CLI beside dist/main with exactly those args, and nothing of the app', async () => {
    await boot({ argv: ['C:\\App\\Ultimate Plex Stack.exe', '--ups-cli', '--', 'doctor', '--json'], ready: false });
    expect(h.cliRuns).toHaveLength(1);
    expect(h.cliRuns[0]!.args).toEqual(['doctor', '--json']);
    expect(h.cliRuns[0]!.cliEntry).toMatch(/[\\/]cli[\\/]ups\.mjs$/);
    expect(h.cliRuns[0]!.cliEntry).not.toMatch(/[\\/]main[\\/]cli[\\/]/);
    // No single-instance lock (a running app would get the launch and open its window), no window, no tray.
    expect(h.app.listenerCount('second-instance')).toBe(0);
    expect(h.calls).toEqual([]);
    expect(h.windows).toHaveLength(0);
    expect(h.trays).toHaveLength(0);
  });

  it('--self-test opens the window, asks app.info through the page, and exits 0 without checking for updates', async () => {
    const quiet = quietStdout();
    const { default: pkg } = await import('../../package.json');
    h.pageAnswer = {
      ok: true,
      value: { version: pkg.version, platform: 'win32', arch: 'x64', door: 'electron', installRoot: null },
    };
    await boot({ argv: ['C:\\App\\Ultimate Plex Stack.exe', '--self-test'] });
    await vi.waitFor(() => expect(h.calls).toContain('app.exit 0'));
    expect(h.windows).toHaveLength(1);
    expect(h.updater.checkForUpdates).not.toHaveBeenCalled();
    quiet.mockRestore();
  });

  it('--self-test exits 1 when app.info fails, and when another instance holds the lock', async () => {
    const quiet = quietStdout();
    h.pageAnswer = { ok: false, error: { code: 'INTERNAL', message: 'no' } };
    await boot({ argv: ['ups.exe', '--self-test'] });
    await vi.waitFor(() => expect(h.calls).toContain('app.exit 1'));

    await boot({ argv: ['ups.exe', '--self-test'], lock: false });
    expect(h.calls).toEqual(['app.quit', 'app.exit 1']);
    quiet.mockRestore();
  });

  it('a login launch the OS reports (wasOpenedAtLogin, no --hidden) also stays in the tray', async () => {
    await boot({ atLogin: true });
    expect(h.trays).toHaveLength(1);
    expect(h.windows).toHaveLength(0);
  });

  it('"Open <service>" links: http://localhost only at a port stack.webPorts lists; the rest never opens', async () => {
    await boot();
    h.answers['stack.webPorts'] = () => ({ ok: true, value: { ports: [{ name: 'radarr', port: 7878 }] } });
    const open = h.windows[0]!.openHandler!;
    for (const url of ['http://localhost:7878', 'http://localhost:8000/', 'http://evil.example:7878/', 'file:///c:/x'])
      expect(open({ url })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(h.opened).toEqual(['http://localhost:7878/']));
    await new Promise((r) => setTimeout(r, 0));
    expect(h.opened).toEqual(['http://localhost:7878/']);
  });

  it('progress pushes drive the taskbar bar and the tooltip; the last step clears the bar', async () => {
    await boot();
    const push = (current: number, total: number) =>
      h.pushListeners.forEach((l) =>
        l({ type: 'progress', progress: { operationId: 'install-1', step: 'Pulling', current, total, message: '' } }),
      );
    push(1, 4);
    push(4, 4);
    expect(h.windows[0]!.progress).toEqual([0.25, -1]);
  });

  it('tray: Check for stack updates → Update stack → update.apply with its own operation id', async () => {
    await boot();
    h.answers['update.check'] = () => ({
      ok: true,
      value: {
        checkedAt: 'x',
        services: [{ service: 'plex', image: 'p:1', currentImageId: 'a', updateAvailable: true }],
      },
    });
    let finish: (v: unknown) => void = () => undefined;
    h.answers['update.apply'] = () => new Promise((r) => (finish = r));
    const tray = h.trays[0]!;
    const item = (id: string) => tray.menu.find((i) => i.id === id)!;
    item('stack-update').click!();
    await vi.waitFor(() => expect(item('stack-update').label).toBe('Update stack (1 service)'));
    item('stack-update').click!();
    await vi.waitFor(() => expect(tray.tooltip).toBe('Ultimate Plex Stack: updating the stack…'));
    const applied = h.coreCalls.find((c) => c.channel === 'update.apply')!;
    expect(applied.input).toEqual({ operationId: expect.stringMatching(/^stack-update-/) });
    expect(h.windows[0]!.progress.at(-1)).toBe(2);
    finish({
      ok: true,
      value: {
        id: 'u',
        kind: 'apply',
        startedAt: 'a',
        finishedAt: 'b',
        outcome: 'applied',
        before: {},
        after: {},
        failed: [],
        message: 'plex updated',
      },
    });
    await vi.waitFor(() => expect(item('stack-update').label).toBe('Check for stack updates'));
    expect(h.windows[0]!.progress.at(-1)).toBe(-1);
  });

  it('tray: open the logs and install folders, and export diagnostics to the chosen file', async () => {
    await boot();
    h.answers['diagnostics.export'] = (input) => ({
      ok: true,
      value: { path: (input as { path: string }).path, bytes: 1, entries: [] },
    });
    const item = (id: string) => h.trays[0]!.menu.find((i) => i.id === id)!;
    item('open-logs-folder').click!();
    item('open-install-folder').click!();
    item('export-diagnostics').click!();
    await vi.waitFor(() =>
      expect([...h.opened].sort()).toEqual(
        [`path:${h.logsDir}`, 'path:/stack', 'shown:/home/user/documents/diag.zip'].sort(),
      ),
    );
    expect(h.coreCalls.find((c) => c.channel === 'diagnostics.export')?.input).toEqual({
      path: '/home/user/documents/diag.zip',
    });
  });
});
