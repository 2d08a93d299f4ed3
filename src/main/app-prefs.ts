// The desktop app's UI preferences (never a secret, docs/decisions.md D4): kept by electron-store in the userData folder. The file
// is checked through the one state-file policy before the store opens it: a damaged preferences.json never makes the
// store constructor throw at start-up; the app starts on the defaults, says which file and why, and offers the fix
// (keep the damaged file aside as preferences.json.corrupt-<time> and start afresh), run only when the user chooses it.
import { readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { UpdateChannelNameSchema, UpsFailure, type UpdateChannelName, type UpsError } from '../core/contract';
import type { UpdateChannelPort } from '../core/app/handlers/app-settings';
import { corruptName, parseJsonState } from '../core/fs/read-state-file';

/** The slice of electron-store (a `conf` store) we use; tests pass a map-backed one or a real `conf`. */
export interface PrefsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export const PREFS_FILE_NAME = 'preferences';
const CHANNEL_KEY = 'updateChannel';
const WHAT = 'The app preferences';
export const PREFS_FIX =
  'Reset the preferences: the damaged file is kept beside it as preferences.json.corrupt-<time>, and only the update channel (stable or beta) needs choosing again.';

/** What the file may hold: our keys checked against the contract, anything else (electron-store's own) left alone. */
const PrefsFileSchema = z.looseObject({ [CHANNEL_KEY]: UpdateChannelNameSchema.optional() });

export function prefsFile(userDataDir: string): string {
  return join(userDataDir, `${PREFS_FILE_NAME}.json`);
}

/** Why the preferences file cannot be used (path, what and where, fix), or null when it is fine or not there yet. */
export function checkPrefsFile(file: string): UpsError | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    const why = code === 'EISDIR' ? 'a folder is in its place' : `the system answered ${code ?? String(err)}`;
    return { code: 'INTERNAL', message: `Cannot read ${WHAT} (${file}): ${why}.`, field: file, fix: PREFS_FIX };
  }
  const r = parseJsonState(text, PrefsFileSchema);
  if (r.ok) return null;
  const at = r.where ? ` at "${r.where}"` : '';
  return {
    code: 'BAD_INPUT',
    message: `${WHAT} (${file}) is damaged${at}: ${r.message}.`,
    field: file,
    fix: PREFS_FIX,
  };
}

export function createAppPrefs(store: PrefsStore): UpdateChannelPort {
  const read = (): UpdateChannelName => {
    const parsed = UpdateChannelNameSchema.safeParse(store.get(CHANNEL_KEY));
    return parsed.success ? parsed.data : 'stable';
  };
  return {
    read,
    write(channel) {
      // Validated here too: the IPC door already parsed it, but nothing unchecked is ever written.
      store.set(CHANNEL_KEY, UpdateChannelNameSchema.parse(channel));
      return read();
    },
  };
}

export interface OpenedPrefs {
  prefs: UpdateChannelPort;
  /** The store itself, for other UI preferences (window-bounds.ts validates its own key); closed while damaged. */
  store: PrefsStore;
  /** Set while the file is damaged: the app runs on the defaults and shows this (message + fix). */
  problem(): UpsError | null;
  /** The fix, on the user's choice: keeps the damaged file aside, opens a fresh store; answers where the file went. */
  reset(): string | null;
}

/**
 * Opens the preferences without ever throwing: a damaged file leaves the store closed (the defaults are read, a change
 * is refused with the problem) until the user chooses the fix. `makeStore` is the electron-store constructor.
 */
export function openAppPrefs(
  file: string,
  makeStore: () => PrefsStore,
  now: () => Date = () => new Date(),
): OpenedPrefs {
  let problem = checkPrefsFile(file);
  let store: PrefsStore | null = null;
  const open = () => {
    try {
      store = makeStore();
      problem = null;
    } catch (err) {
      // The file changed between the check and the open, or the store refused it for its own reason.
      problem = {
        code: 'INTERNAL',
        message: `${WHAT} (${file}) could not be opened: ${(err as Error).message}.`,
        field: file,
        fix: PREFS_FIX,
      };
    }
  };
  if (!problem) open();
  const closed: PrefsStore = {
    get: () => undefined,
    set: () => {
      throw new UpsFailure(problem ?? { code: 'INTERNAL', message: `${WHAT} (${file}) are not open.`, fix: PREFS_FIX });
    },
  };
  const current: PrefsStore = {
    get: (k) => (store ?? closed).get(k),
    set: (k, v) => (store ?? closed).set(k, v),
  };
  return {
    prefs: createAppPrefs(current),
    store: current,
    problem: () => problem,
    reset() {
      let moved: string | null = null;
      if (statSync(file, { throwIfNoEntry: false })) {
        moved = corruptName(file, now());
        renameSync(file, moved);
      }
      open();
      return moved;
    },
  };
}
