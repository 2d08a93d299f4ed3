// The composition root launched as the bundled CLI (`--ups-cli -- <args>`): the CLI runs and nothing of the app starts.
import { describe, expect, it, vi } from 'vitest';
import { boot, h, registerBootHooks } from './test-support/electron-mock';

const mocks = await vi.hoisted(() => import('./test-support/electron-mock'));
vi.mock('electron', mocks.electronMock);
vi.mock('electron-updater', mocks.updaterMock);
vi.mock('electron-store', mocks.storeMock);
vi.mock('../core/app/default-deps', mocks.defaultDepsMock);
vi.mock('../core/app/app-service', mocks.appServiceMock);
vi.mock('./cli-entry', mocks.cliEntryMock);

registerBootHooks();

describe('main launched as the CLI', () => {
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
});
