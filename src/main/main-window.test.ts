// Window lifecycle with a faked BrowserWindow: hidden until ready, locked down, hidden to the tray on close.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, hideToTrayOnClose, revealWindow } from './main-window';

vi.mock('electron', () => ({}));

class FakeWindow extends EventEmitter {
  static last: FakeWindow;
  webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
  show = vi.fn();
  hide = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  maximize = vi.fn();
  minimized = false;
  isMinimized = () => this.minimized;
  loadFile = vi.fn(async () => undefined);
  constructor(readonly opts: Record<string, unknown>) {
    super();
    FakeWindow.last = this;
  }
}

const deps = (extra: object = {}) => ({
  BrowserWindow: FakeWindow as never,
  openExternal: vi.fn(),
  externalPolicy: async () => null,
  preload: '/app/preload.cjs',
  rendererIndex: '/app/index.html',
  ...extra,
});

describe('createMainWindow', () => {
  it('is created hidden with secure preferences, and shown only on ready-to-show', () => {
    createMainWindow(deps());
    const w = FakeWindow.last;
    expect(w.opts).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/app/preload.cjs' },
    });
    expect(w.loadFile).toHaveBeenCalledWith('/app/index.html');
    expect(w.show).not.toHaveBeenCalled();
    w.emit('ready-to-show');
    expect(w.show).toHaveBeenCalledTimes(1);
  });

  it('locks the web contents down before loading: navigation is prevented', () => {
    createMainWindow(deps());
    const event = { preventDefault: vi.fn() };
    FakeWindow.last.webContents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(FakeWindow.last.webContents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('a login-item launch builds the window but keeps it in the tray', () => {
    createMainWindow(deps({ showWhenReady: false }));
    FakeWindow.last.emit('ready-to-show');
    expect(FakeWindow.last.show).not.toHaveBeenCalled();
  });
});

describe('hideToTrayOnClose', () => {
  it('closing hides to the tray until the user quits', () => {
    let quitting = false;
    createMainWindow(deps({ isQuitting: () => quitting }));
    const w = FakeWindow.last;
    const close = { preventDefault: vi.fn() };
    w.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    expect(w.hide).toHaveBeenCalledTimes(1);
    quitting = true;
    const close2 = { preventDefault: vi.fn() };
    w.emit('close', close2);
    expect(close2.preventDefault).not.toHaveBeenCalled();
    expect(w.hide).toHaveBeenCalledTimes(1);
  });

  it('can be attached to any window', () => {
    const w = new FakeWindow({});
    hideToTrayOnClose(w as never, () => false);
    const close = { preventDefault: vi.fn() };
    w.emit('close', close);
    expect(w.hide).toHaveBeenCalled();
  });
});

describe('revealWindow', () => {
  it('restores a minimized window, shows and focuses it', () => {
    const w = new FakeWindow({});
    w.minimized = true;
    revealWindow(w as never);
    expect([w.restore.mock.calls.length, w.show.mock.calls.length, w.focus.mock.calls.length]).toEqual([1, 1, 1]);
  });
});

describe('createMainWindow placement', () => {
  it('opens at the remembered place, maximised when it was', () => {
    createMainWindow(deps({ placement: { bounds: { x: 10, y: 20, width: 900, height: 600 }, maximized: true } }));
    expect(FakeWindow.last.opts).toMatchObject({ x: 10, y: 20, width: 900, height: 600, minWidth: 720 });
    expect(FakeWindow.last.maximize).toHaveBeenCalledOnce();
    createMainWindow(deps());
    expect(FakeWindow.last.maximize).not.toHaveBeenCalled();
  });
});
