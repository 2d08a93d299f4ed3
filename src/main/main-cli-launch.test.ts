// The composition root launched as the bundled CLI (`--ups-cli -- <args>`): the CLI runs and nothing of the app starts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boot, cleanUpBoot, h } from './test-support/electron-mock';

vi.mock('electron', async () => (await import('./test-support/electron-mock')).electronMock());
vi.mock('electron-updater', async () => (await import('./test-support/electron-mock')).updaterMock());
vi.mock('electron-store', async () => (await import('./test-support/electron-mock')).storeMock());
vi.mock('../core/app/default-deps', async () => (await import('./test-support/electron-mock')).defaultDepsMock());
vi.mock('../core/app/app-service', async () => (await import('./test-support/electron-mock')).appServiceMock());
vi.mock('./cli-entry', async () => (await import('./test-support/electron-mock')).cliEntryMock());

beforeEach(() => vi.spyOn(console, 'log').mockImplementation(() => undefined));
afterEach(cleanUpBoot);

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
