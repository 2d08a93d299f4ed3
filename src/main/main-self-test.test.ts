// The composition root under `--self-test`: the window opens, app.info is asked through the page, and the exit code says.
import { describe, expect, it, vi } from 'vitest';
import { boot, h, quietStdout, registerBootHooks } from './test-support/electron-mock';

const mocks = await vi.hoisted(() => import('./test-support/electron-mock'));
vi.mock('electron', mocks.electronMock);
vi.mock('electron-updater', mocks.updaterMock);
vi.mock('electron-store', mocks.storeMock);
vi.mock('../core/app/default-deps', mocks.defaultDepsMock);
vi.mock('../core/app/app-service', mocks.appServiceMock);
vi.mock('./cli-entry', mocks.cliEntryMock);

registerBootHooks();

describe('main --self-test', () => {
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
});
