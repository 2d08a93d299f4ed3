// The composition root's test double: electron, electron-updater, electron-store, the default deps, the App service and
// the bundled CLI runner mocked at their edges, plus `boot()` to import main.ts afresh and `registerBootHooks()` for the
// hooks every such test runs. Each main-*.test.ts registers the mocks with the preamble in the comment below; the state
// lives on globalThis, so every copy of this module (vi.resetModules re-imports it for the mocks) records into the same
// place.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { StackStatus } from '../../core/contract';
import { trayIconKinds } from '../../core/tray/tray-state';

export interface WindowRec {
  opts: Record<string, unknown>;
  emitter: EventEmitter;
  shown: number;
  focused: number;
  progress: number[];
  openHandler?: (d: { url: string }) => unknown;
}

export interface TrayRec {
  icon: unknown;
  tooltip: string;
  menus: number;
  menu: { id?: string; label?: string; click?: () => void }[];
  emitter: EventEmitter;
}

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

export interface MainHarness {
  gotLock: boolean;
  wasOpenedAtLogin: boolean;
  /** The mocked profile's log folder: openLogsFolder creates it, so it lives under the OS temp folder. */
  logsDir: string;
  /** Answers of the mocked App service by channel; stack.status is `status`. */
  answers: Record<string, (input: unknown) => unknown>;
  coreCalls: { channel: string; input: unknown }[];
  live: unknown[];
  opened: string[];
  status: null | Envelope;
  pushListeners: ((e: unknown) => void)[];
  windows: WindowRec[];
  trays: TrayRec[];
  updater: EventEmitter & Record<string, ReturnType<typeof vi.fn>>;
  calls: string[];
  app: EventEmitter & Record<string, unknown>;
  ready: () => void;
  cliRuns: { args: readonly string[]; cliEntry: string }[];
  pageAnswer: unknown;
  /** What main.ts handed createAppService (the desktop ports among it). */
  coreDeps: Record<string, unknown> | null;
}

const KEY = '__upsMainHarness';
/** The one harness state of this test file's worker. */
export const h: MainHarness = ((globalThis as Record<string, unknown>)[KEY] ??= {
  gotLock: true,
  wasOpenedAtLogin: false,
  logsDir: '',
  answers: {},
  coreCalls: [],
  live: [],
  opened: [],
  status: null,
  pushListeners: [],
  windows: [],
  trays: [],
  updater: null,
  calls: [],
  app: null,
  ready: () => undefined,
  cliRuns: [],
  pageAnswer: undefined,
  coreDeps: null,
}) as MainHarness;

/*
 * Each test file registers the mocks itself: vi.mock is hoisted per file (and vitest recommends calling it only in test
 * files), so this module cannot register them for it. The factories are this module's, reached through vi.hoisted (which
 * runs before the hoisted vi.mock calls, so they may use it):
 *   const mocks = await vi.hoisted(() => import('./test-support/electron-mock'));
 *   vi.mock('electron', mocks.electronMock);
 *   vi.mock('electron-updater', mocks.updaterMock);
 *   vi.mock('electron-store', mocks.storeMock);
 *   vi.mock('../core/app/default-deps', mocks.defaultDepsMock);
 *   vi.mock('../core/app/app-service', mocks.appServiceMock);
 *   vi.mock('./cli-entry', mocks.cliEntryMock);
 */

/** The CLI runner itself is cli-entry.test.ts's subject (and the built one, tests/integration/app-cli-entry.test.ts's). */
export const cliEntryMock = () => ({
  runBundledCli: vi.fn(async (args: readonly string[], deps: { cliEntry: string }) => {
    h.cliRuns.push({ args, cliEntry: deps.cliEntry });
    return 0;
  }),
});

/** Which tray state's icon an image is: its 1x representation is that state's committed 16 px PNG. */
export function trayIconState(icon: unknown): string | undefined {
  const reps = (icon as { reps: { scaleFactor: number; buffer: Buffer }[] }).reps;
  expect(reps.map((r) => r.scaleFactor)).toEqual([1, 1.25, 1.5, 2]);
  const dir = join(import.meta.dirname, '..', '..', '..', 'resources', 'tray');
  return trayIconKinds.find((k) => readFileSync(join(dir, `${k}.png`)).equals(reps[0]!.buffer));
}

export function electronMock() {
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const app = Object.assign(new EventEmitter(), {
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
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => h.live;
    webContents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => void (this.rec.openHandler = fn),
      isDestroyed: () => false,
      send: vi.fn(),
      isLoading: () => false,
      getURL: () => 'file:///app/dist/renderer/index.html',
      executeJavaScript: vi.fn(async () => h.pageAnswer),
    });
    rec: WindowRec;
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
  class Tray extends EventEmitter {
    rec: TrayRec = { icon: undefined, tooltip: '', menus: 0, menu: [], emitter: this };
    constructor(icon: unknown) {
      super();
      this.rec.icon = icon;
      h.trays.push(this.rec);
    }
    setImage = (i: unknown) => void (this.rec.icon = i);
    setToolTip = (t: string) => void (this.rec.tooltip = t);
    setContextMenu = (m: TrayRec['menu']) => {
      this.rec.menus++;
      this.rec.menu = m;
    };
    destroy = vi.fn();
  }
  class Notification extends EventEmitter {
    static isSupported = () => true;
    show = vi.fn();
  }
  return {
    app,
    BrowserWindow,
    Tray,
    Notification,
    Menu: { buildFromTemplate: (t: unknown) => t },
    // One multi-representation image per tray state (tray-icon.ts); trayIconState reads back which PNGs it holds.
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
}

export function updaterMock() {
  const autoUpdater = Object.assign(new EventEmitter(), {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(),
    downloadUpdate: vi.fn(),
    quitAndInstall: vi.fn(),
  });
  h.updater = autoUpdater as never;
  return { default: { autoUpdater } };
}

/** electron-store reads electron's userData path when built; the preferences are app-prefs.test.ts's subject. */
export const storeMock = () => ({
  default: class {
    data = new Map<string, unknown>();
    get = (k: string) => this.data.get(k);
    set = (k: string, v: unknown) => void this.data.set(k, v);
  },
});

export const defaultDepsMock = () => ({
  defaultAppDeps: () => ({ profile: { logsDir: h.logsDir }, installRoot: async () => '/stack' }),
  openDoorLog: () => ({ info: () => undefined }),
});

export const appServiceMock = () => ({
  createAppService: (deps: Record<string, unknown>) => {
    h.coreDeps = deps;
    return {
      handle: vi.fn(),
      call: vi.fn(async (channel: string, input: unknown) => {
        h.coreCalls.push({ channel, input });
        const answer = h.answers[channel];
        return answer ? answer(input) : h.status;
      }),
      subscribe: (l: (e: unknown) => void) => (h.pushListeners.push(l), () => undefined),
      publish: (e: unknown) => h.pushListeners.forEach((l) => l(e)),
    };
  },
});

export const status = (overall: StackStatus['overall']): StackStatus => ({
  project: 'ups',
  overall,
  services: [],
  observedAt: '2026-01-01T00:00:00Z',
});

/** The self-test prints its verdict on stdout; keep it out of the test output (the write callback still runs). */
export const quietStdout = () =>
  vi.spyOn(process.stdout, 'write').mockImplementation(((_s: unknown, cb?: unknown) => {
    if (typeof cb === 'function') (cb as () => void)();
    return true;
  }) as typeof process.stdout.write);

export interface BootOptions {
  lock?: boolean;
  status?: MainHarness['status'];
  argv?: string[];
  ready?: boolean;
  atLogin?: boolean;
}

/** Imports main.ts afresh with this launch's conditions, then (unless told not to) lets electron become ready. */
export async function boot(opts: BootOptions = {}): Promise<void> {
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
  await import('../main');
  if (h.gotLock && opts.ready !== false) {
    h.ready();
    await vi.waitFor(() => expect(h.calls).toContain('ipc bound'));
    await new Promise((r) => setTimeout(r, 0));
  }
}

const argv = process.argv;
/** The real argv back, the temp log folder gone. */
async function cleanUpBoot(): Promise<void> {
  process.argv = argv;
  if (h.logsDir) await rm(dirname(h.logsDir), { recursive: true, force: true });
}

/** The hooks of every main-*.test.ts: main.ts's start-up lines kept out of the output, then cleanUpBoot after each test. */
export function registerBootHooks(): void {
  beforeEach(() => vi.spyOn(console, 'log').mockImplementation(() => undefined));
  afterEach(cleanUpBoot);
}
