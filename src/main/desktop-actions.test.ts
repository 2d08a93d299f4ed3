// Folder and diagnostics actions with Electron's shell and dialog faked at the edge, and a fake core.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { DiagnosticsExport, Envelope } from '../core/contract';
import type { NotificationSpec } from '../core/tray/tray-notifications';
import { createDesktopActions, type DesktopActionDeps } from './desktop-actions';

vi.mock('electron', () => ({}));

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function setup(over: Partial<DesktopActionDeps> & { answer?: Envelope<DiagnosticsExport> } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'ups-t-desktop-'));
  dirs.push(dir);
  const notes: NotificationSpec[] = [];
  const shell = { openPath: vi.fn(async () => ''), showItemInFolder: vi.fn() };
  const dialog = { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: join(dir, 'out') })) };
  const call = vi.fn(
    async (_c: 'diagnostics.export', input: { path?: string }): Promise<Envelope<DiagnosticsExport>> =>
      over.answer ?? {
        ok: true,
        value: { path: input.path!, bytes: 10, entries: [{ name: 'wiring-plan.json', collected: false }] },
      },
  );
  const deps: DesktopActionDeps = {
    shell,
    dialog,
    notify: (n) => notes.push(n),
    logsDir: join(dir, 'profile', 'logs'),
    installRoot: async () => join(dir, 'stack'),
    documentsDir: join(dir, 'Documents'),
    core: { call },
    now: () => new Date('2026-12-07T10:31:13.456Z'),
    ...over,
  };
  return { dir, deps, notes, shell, dialog, call, actions: createDesktopActions(deps) };
}

describe('folders', () => {
  it('opens the logs folder, creating it on a fresh profile', async () => {
    const t = await setup();
    await t.actions.openLogsFolder();
    expect(t.shell.openPath).toHaveBeenCalledWith(t.deps.logsDir);
    expect((await stat(t.deps.logsDir)).isDirectory()).toBe(true);
    expect(t.notes).toEqual([]);
  });

  it('opens the install folder; without a stack, or when Explorer refuses, says why', async () => {
    const t = await setup();
    await t.actions.openInstallFolder();
    expect(t.shell.openPath).toHaveBeenCalledWith(join(t.dir, 'stack'));
    const none = await setup({ installRoot: async () => null });
    await none.actions.openInstallFolder();
    expect(none.shell.openPath).not.toHaveBeenCalled();
    expect(none.notes).toEqual([expect.objectContaining({ id: 'folder-failed', body: 'no stack is installed yet' })]);
    const refused = await setup({ shell: { openPath: async () => 'Failed to open path', showItemInFolder: vi.fn() } });
    await refused.actions.openLogsFolder();
    expect(refused.notes).toEqual([expect.objectContaining({ id: 'folder-failed', body: 'Failed to open path' })]);
  });
});

describe('export diagnostics', () => {
  it('asks where to save (Documents, a dated .zip), has the core write it there, and shows the file', async () => {
    const t = await setup();
    expect(await t.actions.exportDiagnostics()).toBe(true);
    expect(t.dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: join(t.dir, 'Documents', 'ups-diagnostics-2026-12-07T10-31-13.zip'),
        filters: [{ name: 'Zip archive', extensions: ['zip'] }],
      }),
    );
    // A name typed without the extension gets it.
    expect(t.call).toHaveBeenCalledWith('diagnostics.export', { path: join(t.dir, 'out.zip') });
    expect(t.shell.showItemInFolder).toHaveBeenCalledWith(join(t.dir, 'out.zip'));
    expect(t.notes).toEqual([
      expect.objectContaining({
        id: 'diagnostics-exported',
        body: expect.stringContaining('Not collected: wiring-plan.json'),
      }),
    ]);
  });

  it('cancelled: nothing is written; a failure is told with its fix', async () => {
    const cancelled = await setup({ dialog: { showSaveDialog: async () => ({ canceled: true }) } });
    expect(await cancelled.actions.exportDiagnostics()).toBe(false);
    expect(cancelled.call).not.toHaveBeenCalled();
    const failed = await setup({
      answer: { ok: false, error: { code: 'INTERNAL', message: 'disk full', fix: 'Free some space.' } },
    });
    expect(await failed.actions.exportDiagnostics()).toBe(false);
    expect(failed.notes).toEqual([
      expect.objectContaining({ id: 'diagnostics-failed', body: 'disk full Free some space.' }),
    ]);
    expect(failed.shell.showItemInFolder).not.toHaveBeenCalled();
  });
});
