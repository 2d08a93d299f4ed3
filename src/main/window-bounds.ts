// Remembers the window's size and place per display (Windows convention: an app reopens where it was left). Kept in
// the UI preferences (app-prefs.ts) under one key, validated on the way back in: a hand-edited or stale value, or a
// display that is gone (a laptop undocked), falls back to a visible place on the primary display.
import * as z from 'zod';
import type { PrefsStore } from './app-prefs';

export const BOUNDS_KEY = 'windowBounds';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The slice of a Display we use (id, and the area not covered by the taskbar). */
export interface DisplayLike {
  id: number;
  workArea: Rect;
}

/** The slice of electron's `screen` we use. */
export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): DisplayLike;
  getDisplayMatching(rect: Rect): DisplayLike;
}

export interface WindowPlacement {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1100, height: 760 };
export const MIN_SIZE = { width: 720, height: 520 };
/** How much of the title bar must be on a display for the window to count as reachable there. */
const MIN_VISIBLE = 100;

const int = z.number().int().min(-100_000).max(100_000);
const RectSchema = z.object({ x: int, y: int, width: int.min(1), height: int.min(1) });
const PlacementSchema = z.object({ bounds: RectSchema, maximized: z.boolean() });
/** `{ last: <display id>, displays: { "<display id>": placement } }`: the place used on each display. */
const SavedSchema = z.object({
  last: z.string().regex(/^\d+$/).optional(),
  displays: z.record(z.string().regex(/^\d+$/), PlacementSchema),
});
type Saved = z.infer<typeof SavedSchema>;

function readSaved(store: PrefsStore): Saved {
  const parsed = SavedSchema.safeParse(store.get(BOUNDS_KEY));
  return parsed.success ? parsed.data : { displays: {} };
}

/** A place on the primary display's work area: the default size (shrunk to fit), centred. */
export function centredOn(display: DisplayLike): WindowPlacement {
  const wa = display.workArea;
  const width = Math.min(DEFAULT_SIZE.width, wa.width);
  const height = Math.min(DEFAULT_SIZE.height, wa.height);
  return {
    bounds: {
      x: wa.x + Math.round((wa.width - width) / 2),
      y: wa.y + Math.round((wa.height - height) / 2),
      width,
      height,
    },
    maximized: false,
  };
}

/** Whether enough of the window's top strip (its title bar) lies on the work area to grab it. */
function reachable(b: Rect, wa: Rect): boolean {
  const left = Math.max(b.x, wa.x);
  const right = Math.min(b.x + b.width, wa.x + wa.width);
  const titleY = b.y + 8;
  return right - left >= MIN_VISIBLE && titleY >= wa.y && titleY < wa.y + wa.height;
}

/** Clamps a saved place into a display's work area (the display may have changed resolution since). */
function fit(p: WindowPlacement, wa: Rect): WindowPlacement {
  const width = Math.min(Math.max(p.bounds.width, MIN_SIZE.width), wa.width);
  const height = Math.min(Math.max(p.bounds.height, MIN_SIZE.height), wa.height);
  const x = Math.min(Math.max(p.bounds.x, wa.x), wa.x + wa.width - width);
  const y = Math.min(Math.max(p.bounds.y, wa.y), wa.y + wa.height - height);
  return { bounds: { x, y, width, height }, maximized: p.maximized };
}

/**
 * Where the window opens: the place last used on the display it was last on, if that display is still connected and
 * the place is reachable there; else the place saved for the primary display; else centred on the primary display.
 */
export function restorePlacement(store: PrefsStore, screen: ScreenLike): WindowPlacement {
  const saved = readSaved(store);
  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  const candidates = [saved.last ? displays.find((d) => String(d.id) === saved.last) : undefined, primary].filter(
    (d): d is DisplayLike => !!d,
  );
  for (const display of candidates) {
    const p = saved.displays[String(display.id)];
    if (!p) continue;
    const placed = fit(p, display.workArea);
    if (reachable(placed.bounds, display.workArea)) return placed;
  }
  return centredOn(primary);
}

/** Records a place under the display it is on (the one holding most of it), and makes that display the last one. */
export function savePlacement(store: PrefsStore, screen: ScreenLike, placement: WindowPlacement): void {
  const checked = PlacementSchema.safeParse(placement);
  if (!checked.success) return; // a minimised window reports odd bounds on Windows (-32000): never save those
  if (checked.data.bounds.x <= -32000 || checked.data.bounds.y <= -32000) return;
  const display = String(screen.getDisplayMatching(checked.data.bounds).id);
  const saved = readSaved(store);
  store.set(BOUNDS_KEY, { last: display, displays: { ...saved.displays, [display]: checked.data } });
}

/** The slice of BrowserWindow the tracker uses. */
export interface TrackedWindow {
  on(event: 'close' | 'moved' | 'resized' | 'maximize' | 'unmaximize', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
}

/** Saves the place when the user finishes moving or resizing, (un)maximises, or closes (hides) the window. */
export function trackPlacement(win: TrackedWindow, store: PrefsStore, screen: ScreenLike): void {
  const save = () => {
    if (win.isMinimized()) return;
    try {
      // Normal bounds: a maximised window remembers the size it returns to, plus the maximised flag.
      savePlacement(store, screen, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch {
      // A closed preferences store (damaged file, app-prefs.ts) refuses writes; the place is simply not remembered.
    }
  };
  for (const event of ['close', 'moved', 'resized', 'maximize', 'unmaximize'] as const) win.on(event, save);
}
