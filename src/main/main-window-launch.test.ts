// The composition root and its window: single instance, what opens on ready or at login, close-to-tray, external
// links, taskbar progress.
import { describe, expect, it, vi } from 'vitest';
import { boot, h, registerBootHooks, status } from './test-support/electron-mock';

const mocks = await vi.hoisted(() => import('./test-support/electron-mock'));
vi.mock('electron', mocks.electronMock);
vi.mock('electron-updater', mocks.updaterMock);
vi.mock('electron-store', mocks.storeMock);
vi.mock('../core/app/default-deps', mocks.defaultDepsMock);
vi.mock('../core/app/app-service', mocks.appServiceMock);
vi.mock('./cli-entry', mocks.cliEntryMock);

registerBootHooks();

describe('main: launch and window', () => {
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
});
