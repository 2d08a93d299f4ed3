// The desktop app's UI preferences (never a secret, docs/decisions.md D4): kept by electron-store in the userData folder, each value
// checked against the contract when read, so a hand-edited or older file falls back to the default instead of breaking.
import { UpdateChannelNameSchema, type UpdateChannelName } from '../core/contract';
import type { UpdateChannelPort } from '../core/app/handlers/app-settings';

/** The slice of electron-store (a `conf` store) we use; tests pass a map-backed one. */
export interface PrefsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export const PREFS_FILE_NAME = 'preferences';
const CHANNEL_KEY = 'updateChannel';

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
