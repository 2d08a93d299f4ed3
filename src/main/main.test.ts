// The composition root with electron, electron-updater and the App service mocked at their edges: what starts, and when.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushEvent, StackStatus } from '../core/contract';

const h = vi.hoisted(() => ({
  gotLock: true,
  status: null as null | { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } },
  pushListeners: [] as ((e: unknown) => void)[],
  windows: [] as {
    opts: Record<string, unknown>;
    emitter: import('node:events').EventEmitter;
    shown: number;
    focused: number;
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
}));

vi.mock('electron', async () => {
  const { EventEmitter: EE } = await import('node:events');
  const app = Object.assign(new EE(), {
    isPackaged: false,
    requestSingleInstanceLock: () => h.gotLock,
    quit: vi.fn(() => h.calls.push('app.quit')),
    setAppUserModelId: vi.fn(),
    whenReady: () => new Promise<void>((resolve) => (h.ready = resolve)),
    getLoginItemSettings: () => ({ openAtLogin: false }),
    setLoginItemSettings: vi.fn(),
    getPath: () => '/nonexistent/ups-test-userdata',
  });
  h.app = app as never;
  class BrowserWindow extends EE {
    static getAllWindows = () => [];
    webContents = Object.assign(new EE(), { setWindowOpenHandler: vi.fn() });
    rec: (typeof h.windows)[number];
    constructor(opts: Record<string, unknown>) {
      super();
      this.rec = { opts, emitter: this, shown: 0, focused: 0 };
      h.windows.push(this.rec);
    }
    show = () => void this.rec.shown++;
    focus = () => void this.rec.focused++;
    hide = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
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
    nativeImage: { createFromPath: (p: string) => `image:${p}` },
    shell: { openExternal: vi.fn() },
    dialog: { showMessageBox: vi.fn(async () => ({ response: 1 })) },
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
vi.mock('../core/app/default-deps', () => ({
  defaultAppDeps: () => ({}),
  openDoorLog: () => ({ info: () => undefined }),
}));
vi.mock('../core/app/app-service', () => ({
  createAppService: () => ({
    handle: vi.fn(),
    call: vi.fn(async () => h.status),
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

async function boot(opts: { lock?: boolean; status?: typeof h.status; argv?: string[] } = {}) {
  vi.resetModules();
  Object.assign(h, {
    gotLock: opts.lock ?? true,
    status: opts.status ?? { ok: true, value: status('running') },
    pushListeners: [],
    windows: [],
    trays: [],
    calls: [],
  });
  process.argv = opts.argv ?? ['electron', '.'];
  // The mocked electron module outlives resetModules: drop the listeners earlier boots left on its app.
  h.app?.removeAllListeners();
  if (h.updater) {
    h.updater.removeAllListeners();
    Object.assign(h.updater, { autoDownload: true, autoInstallOnAppQuit: true });
  }
  await import('./main');
  if (h.gotLock) {
    h.ready();
    await vi.waitFor(() => expect(h.calls).toContain('ipc bound'));
    await new Promise((r) => setTimeout(r, 0));
  }
}

beforeEach(() => vi.spyOn(console, 'log').mockImplementation(() => undefined));
afterEach(() => {
  process.argv = argv;
});

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
    expect(tray.icon).toMatch(/tray[\\/]stopped\.png$/);
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
});
