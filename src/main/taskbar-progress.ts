// Taskbar progress (BrowserWindow.setProgressBar) from the tray's state: install, update, wiring and migration progress
// pushes, the stack update and the app update's download all show on the app's taskbar button.
import type { TrayState } from '../core/tray/tray-state';

/** Electron's scale: below 0 removes the bar, above 1 shows it indeterminate (Windows: marquee). */
export const NO_PROGRESS = -1;
export const INDETERMINATE = 2;

export function taskbarProgress(state: TrayState): number {
  const op = state.operation;
  if (op) return op.total > 0 ? Math.min(1, op.current / op.total) : INDETERMINATE;
  if (state.stackUpdate.kind === 'applying') return INDETERMINATE;
  if (state.appUpdate.kind === 'downloading') return state.appUpdate.percent / 100;
  return NO_PROGRESS;
}

export interface ProgressWindow {
  isDestroyed(): boolean;
  setProgressBar(progress: number): void;
}

/** Sets every window's bar when the value changes; a window opened later gets the current value on the next change. */
export function createTaskbarProgress(windows: () => ProgressWindow[]): { update(state: TrayState): void } {
  let last = NO_PROGRESS;
  return {
    update(state) {
      const next = taskbarProgress(state);
      if (next === last) return;
      last = next;
      for (const w of windows()) if (!w.isDestroyed()) w.setProgressBar(next);
    },
  };
}
