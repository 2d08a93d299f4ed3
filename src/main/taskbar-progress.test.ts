// Taskbar progress from the tray state: fraction while work runs, indeterminate when the total is unknown, gone after.
import { describe, expect, it, vi } from 'vitest';
import { initialTrayState, type TrayState } from '../core/tray/tray-state';
import { createTaskbarProgress, INDETERMINATE, NO_PROGRESS, taskbarProgress } from './taskbar-progress';

vi.mock('electron', () => ({}));

const op = (current: number, total: number): TrayState => ({
  ...initialTrayState,
  operation: { operationId: 'install-1', step: 'Pulling', current, total, message: '' },
});

describe('taskbarProgress', () => {
  it('maps operations, the stack update and the app download', () => {
    expect(taskbarProgress(initialTrayState)).toBe(NO_PROGRESS);
    expect(taskbarProgress(op(1, 4))).toBe(0.25);
    expect(taskbarProgress(op(0, 0))).toBe(INDETERMINATE);
    expect(taskbarProgress({ ...initialTrayState, stackUpdate: { kind: 'applying', operationId: 'x' } })).toBe(
      INDETERMINATE,
    );
    expect(
      taskbarProgress({ ...initialTrayState, appUpdate: { kind: 'downloading', version: '1', percent: 50 } }),
    ).toBe(0.5);
  });
});

describe('createTaskbarProgress', () => {
  it('sets every live window only when the value changes, and clears it at the end', () => {
    const a = { isDestroyed: () => false, setProgressBar: vi.fn() };
    const gone = { isDestroyed: () => true, setProgressBar: vi.fn() };
    const t = createTaskbarProgress(() => [a, gone]);
    t.update(op(1, 4));
    t.update(op(1, 4));
    t.update(op(2, 4));
    t.update(initialTrayState);
    expect(a.setProgressBar.mock.calls).toEqual([[0.25], [0.5], [NO_PROGRESS]]);
    expect(gone.setProgressBar).not.toHaveBeenCalled();
  });
});
