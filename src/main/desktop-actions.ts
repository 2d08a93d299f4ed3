// Tray actions that touch the desktop: open the logs or install folder in Explorer, and export diagnostics to a zip
// the user picks in a save dialog. Electron's shell and dialog are passed in, so tests fake them at the edge.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DiagnosticsExport, Envelope } from '../core/contract';
import type { NotificationSpec } from '../core/tray/tray-notifications';

export interface ShellLike {
  /** Resolves to '' on success, else the error text (Electron's contract). */
  openPath(path: string): Promise<string>;
  showItemInFolder(path: string): void;
}

export interface SaveDialogLike {
  showSaveDialog(opts: {
    title: string;
    defaultPath: string;
    buttonLabel: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface DesktopActionDeps {
  shell: ShellLike;
  dialog: SaveDialogLike;
  notify(spec: NotificationSpec): void;
  logsDir: string;
  installRoot(): Promise<string | null>;
  /** Where the save dialog starts (the user's Documents folder). */
  documentsDir: string;
  core: { call(channel: 'diagnostics.export', input: { path?: string }): Promise<Envelope<DiagnosticsExport>> };
  now?: () => Date;
}

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/:/g, '-');

export function createDesktopActions(deps: DesktopActionDeps) {
  const open = async (what: string, path: string | null) => {
    const problem = path ? await deps.shell.openPath(path) : 'no stack is installed yet';
    if (problem) deps.notify({ id: 'folder-failed', title: `The ${what} could not be opened`, body: problem });
  };
  return {
    openLogsFolder: async () => {
      // The log folder exists once a door has logged, but a fresh profile may not have it yet.
      await mkdir(deps.logsDir, { recursive: true }).catch(() => undefined);
      await open('logs folder', deps.logsDir);
    },
    openInstallFolder: async () => open('install folder', await deps.installRoot()),
    /** Asks where to save, then has the core write the zip there; false when the user cancelled. */
    exportDiagnostics: async (): Promise<boolean> => {
      const now = (deps.now ?? (() => new Date()))();
      const choice = await deps.dialog.showSaveDialog({
        title: 'Export diagnostics',
        defaultPath: join(deps.documentsDir, `ups-diagnostics-${stamp(now)}.zip`),
        buttonLabel: 'Export',
        filters: [{ name: 'Zip archive', extensions: ['zip'] }],
      });
      if (choice.canceled || !choice.filePath) return false;
      const path = /\.zip$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.zip`;
      const res = await deps.core.call('diagnostics.export', { path });
      if (!res.ok) {
        deps.notify({
          id: 'diagnostics-failed',
          title: 'Diagnostics could not be exported',
          body: [res.error.message, res.error.fix].filter(Boolean).join(' '),
        });
        return false;
      }
      const missing = res.value.entries.filter((e) => !e.collected).map((e) => e.name);
      deps.notify({
        id: 'diagnostics-exported',
        title: 'Diagnostics exported',
        body: `Saved ${res.value.path}. No password or key is in it.${missing.length ? ` Not collected: ${missing.join(', ')}.` : ''}`,
      });
      deps.shell.showItemInFolder(res.value.path);
      return true;
    },
  };
}
