// The composition root and its tray: status and updater pushes, stack updates, folders and the diagnostics export.
import { describe, expect, it, vi } from 'vitest';
import type { PushEvent } from '../core/contract';
import { boot, h, registerBootHooks, status, trayIconState } from './test-support/electron-mock';

const mocks = await vi.hoisted(() => import('./test-support/electron-mock'));
vi.mock('electron', mocks.electronMock);
vi.mock('electron-updater', mocks.updaterMock);
vi.mock('electron-store', mocks.storeMock);
vi.mock('../core/app/default-deps', mocks.defaultDepsMock);
vi.mock('../core/app/app-service', mocks.appServiceMock);
vi.mock('./cli-entry', mocks.cliEntryMock);

registerBootHooks();

describe('main: tray', () => {
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

  it("the dashboard's Open folder goes through the desktop port to the shell", async () => {
    await boot();
    const desktop = h.coreDeps!.desktop as { openFolder(path: string): Promise<string> };
    expect(await desktop.openFolder('/home/user/.config/ups/diagnostics')).toBe('');
    expect(h.opened).toEqual(['path:/home/user/.config/ups/diagnostics']);
  });
});
