// Window size and place per display, with electron's screen faked (two displays, then one unplugged) and the
// preferences store a map with electron-store's get/set: what is read back is validated, a lost display falls back.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { PrefsStore } from './app-prefs';
import {
  BOUNDS_KEY,
  centredOn,
  restorePlacement,
  savePlacement,
  trackPlacement,
  type DisplayLike,
  type Rect,
  type ScreenLike,
} from './window-bounds';

vi.mock('electron', () => ({}));

const primary: DisplayLike = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
// A second monitor to the right, 1440p at 150 %: Electron reports DIPs, so 1707x920 after the taskbar.
const right: DisplayLike = { id: 2528732444, workArea: { x: 1920, y: 0, width: 1707, height: 920 } };

function fakeScreen(displays: DisplayLike[]): ScreenLike {
  const overlap = (a: Rect, b: Rect) =>
    Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
    Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0]!,
    // Electron answers the display with the largest intersection, the primary when none intersects.
    getDisplayMatching: (r) =>
      displays.reduce((best, d) => (overlap(r, d.workArea) > overlap(r, best.workArea) ? d : best), displays[0]!),
  };
}

function mapStore(initial: Record<string, unknown> = {}): PrefsStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
}

describe('window bounds per display', () => {
  it('first start: the default size centred on the primary display', () => {
    expect(restorePlacement(mapStore(), fakeScreen([primary, right]))).toEqual({
      bounds: { x: 410, y: 140, width: 1100, height: 760 },
      maximized: false,
    });
  });

  it('remembers a place on each display and reopens on the display used last', () => {
    const store = mapStore();
    const screen = fakeScreen([primary, right]);
    savePlacement(store, screen, { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: false });
    savePlacement(store, screen, { bounds: { x: 2000, y: 40, width: 1000, height: 700 }, maximized: true });
    expect(restorePlacement(store, screen)).toEqual({
      bounds: { x: 2000, y: 40, width: 1000, height: 700 },
      maximized: true,
    });
    expect(store.data.get(BOUNDS_KEY)).toMatchObject({ last: '2528732444', displays: { '1': expect.any(Object) } });
  });

  it('the last display unplugged: the place saved for the primary display', () => {
    const store = mapStore();
    const both = fakeScreen([primary, right]);
    savePlacement(store, both, { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: false });
    savePlacement(store, both, { bounds: { x: 2000, y: 40, width: 1000, height: 700 }, maximized: false });
    expect(restorePlacement(store, fakeScreen([primary]))).toEqual({
      bounds: { x: 100, y: 50, width: 1200, height: 800 },
      maximized: false,
    });
  });

  it('the last display unplugged and nothing saved for the primary: centred on the primary, never off screen', () => {
    const store = mapStore();
    savePlacement(store, fakeScreen([primary, right]), {
      bounds: { x: 2000, y: 40, width: 1000, height: 700 },
      maximized: false,
    });
    expect(restorePlacement(store, fakeScreen([primary]))).toEqual(centredOn(primary));
  });

  it('a display that became smaller: the saved place is fitted inside its work area', () => {
    const store = mapStore({
      [BOUNDS_KEY]: {
        last: '1',
        displays: { '1': { bounds: { x: 900, y: 600, width: 1600, height: 900 }, maximized: false } },
      },
    });
    const small: DisplayLike = { id: 1, workArea: { x: 0, y: 0, width: 1366, height: 728 } };
    expect(restorePlacement(store, fakeScreen([small]))).toEqual({
      bounds: { x: 0, y: 0, width: 1366, height: 728 },
      maximized: false,
    });
  });

  it.each([
    ['not an object', 'garbage'],
    [
      'a width that is not a number',
      { last: '1', displays: { '1': { bounds: { x: 0, y: 0, width: '9', height: 9 }, maximized: false } } },
    ],
    [
      'a display id that is not a number',
      { last: 'x', displays: { x: { bounds: { x: 0, y: 0, width: 900, height: 600 }, maximized: false } } },
    ],
    [
      'absurd coordinates',
      { last: '1', displays: { '1': { bounds: { x: 1e9, y: 0, width: 900, height: 600 }, maximized: false } } },
    ],
  ])('a hand-edited value (%s) reads as the default place', (_what, value) => {
    expect(restorePlacement(mapStore({ [BOUNDS_KEY]: value }), fakeScreen([primary]))).toEqual(centredOn(primary));
  });

  it('never saves the place Windows reports for a minimised window', () => {
    const store = mapStore();
    savePlacement(store, fakeScreen([primary]), {
      bounds: { x: -32000, y: -32000, width: 160, height: 28 },
      maximized: false,
    });
    expect(store.data.has(BOUNDS_KEY)).toBe(false);
  });

  it('the tracker saves the normal bounds and the maximised flag on move, resize and close, not while minimised', () => {
    const store = mapStore();
    const win = Object.assign(new EventEmitter(), {
      normal: { x: 300, y: 200, width: 900, height: 650 },
      maximized: false,
      minimized: false,
      getNormalBounds() {
        return this.normal;
      },
      isMaximized() {
        return this.maximized;
      },
      isMinimized() {
        return this.minimized;
      },
    });
    trackPlacement(win, store, fakeScreen([primary, right]));
    win.emit('moved');
    expect(store.data.get(BOUNDS_KEY)).toEqual({
      last: '1',
      displays: { '1': { bounds: win.normal, maximized: false } },
    });
    win.maximized = true;
    win.emit('maximize');
    expect(restorePlacement(store, fakeScreen([primary]))).toEqual({ bounds: win.normal, maximized: true });
    win.minimized = true;
    win.normal = { x: 2100, y: 10, width: 900, height: 650 };
    win.emit('close');
    expect(restorePlacement(store, fakeScreen([primary, right])).bounds.x).toBe(300);
  });

  it('a closed (damaged) preferences store: the tracker does not throw', () => {
    const closed: PrefsStore = {
      get: () => undefined,
      set: () => {
        throw new Error('The app preferences are damaged');
      },
    };
    const win = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 0, y: 0, width: 900, height: 600 }),
      isMaximized: () => false,
      isMinimized: () => false,
    });
    trackPlacement(win, closed, fakeScreen([primary]));
    expect(() => win.emit('resized')).not.toThrow();
  });
});
