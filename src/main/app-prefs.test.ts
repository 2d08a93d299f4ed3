// UI preferences with electron-store faked at its edge (a map with the same get/set): the update channel round-trips,
// and a value the contract does not know reads as the default instead of breaking the app.
import { describe, expect, it } from 'vitest';
import { createAppPrefs, type PrefsStore } from './app-prefs';

function mapStore(initial: Record<string, unknown> = {}): PrefsStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return { data, get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
}

describe('createAppPrefs', () => {
  it('defaults to stable and stores beta once chosen', () => {
    const store = mapStore();
    const prefs = createAppPrefs(store);
    expect(prefs.read()).toBe('stable');
    expect(prefs.write('beta')).toBe('beta');
    expect(store.data.get('updateChannel')).toBe('beta');
    // A second instance over the same store (the next app start) sees the choice.
    expect(createAppPrefs(store).read()).toBe('beta');
  });

  it('reads a hand-edited unknown channel as stable, and refuses to write one', () => {
    const store = mapStore({ updateChannel: 'nightly' });
    const prefs = createAppPrefs(store);
    expect(prefs.read()).toBe('stable');
    expect(() => prefs.write('nightly' as never)).toThrow();
    expect(store.data.get('updateChannel')).toBe('nightly');
  });
});
