// Single-instance lock: the second launch quits itself; the first one is told and focuses its window.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './single-instance';

vi.mock('electron', () => ({}));

const fakeApp = (gotLock: boolean) =>
  Object.assign(new EventEmitter(), { requestSingleInstanceLock: vi.fn(() => gotLock), quit: vi.fn() });

describe('claimSingleInstance', () => {
  it('the first instance keeps running and a second launch brings its window forward', () => {
    const app = fakeApp(true);
    const focus = vi.fn();
    expect(claimSingleInstance(app as never, focus)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    expect(focus).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['ups.exe'], '/');
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('a second instance quits at once and listens to nothing', () => {
    const app = fakeApp(false);
    const focus = vi.fn();
    expect(claimSingleInstance(app as never, focus)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});
