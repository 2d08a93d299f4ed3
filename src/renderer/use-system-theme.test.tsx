// @vitest-environment jsdom
// The theme follows the system: Fluent's high-contrast theme while Windows forces colours, else dark or light,
// and it switches when the user turns a contrast theme on or off (a media-query change event).
import { act, cleanup, renderHook } from '@testing-library/react';
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { afterEach, describe, expect, it } from 'vitest';
import { systemThemeName, useSystemTheme } from './use-system-theme';

type Listener = (e: MediaQueryListEvent) => void;

/** A matchMedia whose answers the test sets; `set` fires change events like Chromium does. */
function fakeMedia(initial: Record<string, boolean>) {
  const state = { ...initial };
  const listeners = new Map<string, Set<Listener>>();
  const original = window.matchMedia;
  window.matchMedia = ((query: string) => ({
    get matches() {
      return state[query] ?? false;
    },
    media: query,
    addEventListener: (_: string, l: Listener) => {
      if (!listeners.has(query)) listeners.set(query, new Set());
      listeners.get(query)!.add(l);
    },
    removeEventListener: (_: string, l: Listener) => listeners.get(query)?.delete(l),
  })) as unknown as typeof window.matchMedia;
  return {
    set(query: string, matches: boolean) {
      state[query] = matches;
      for (const l of listeners.get(query) ?? []) l({ matches, media: query } as MediaQueryListEvent);
    },
    listenerCount: (query: string) => listeners.get(query)?.size ?? 0,
    restore: () => void (window.matchMedia = original),
  };
}

let media: ReturnType<typeof fakeMedia> | undefined;
afterEach(() => {
  cleanup();
  media?.restore();
});

describe('useSystemTheme', () => {
  it('forced colours choose the high-contrast theme, even in dark mode', () => {
    media = fakeMedia({ '(forced-colors: active)': true, '(prefers-color-scheme: dark)': true });
    const { result } = renderHook(() => useSystemTheme());
    expect(result.current).toBe(teamsHighContrastTheme);
  });

  it('follows the contrast theme being turned on and off, back to the dark/light choice', () => {
    media = fakeMedia({ '(prefers-color-scheme: dark)': false });
    const { result, unmount } = renderHook(() => useSystemTheme());
    expect(result.current).toBe(webLightTheme);
    act(() => media!.set('(forced-colors: active)', true));
    expect(result.current).toBe(teamsHighContrastTheme);
    act(() => media!.set('(prefers-color-scheme: dark)', true));
    expect(result.current).toBe(teamsHighContrastTheme);
    act(() => media!.set('(forced-colors: active)', false));
    expect(result.current).toBe(webDarkTheme);
    unmount();
    expect(media.listenerCount('(forced-colors: active)')).toBe(0);
  });

  it('the choice itself', () => {
    expect(systemThemeName(true, false)).toBe('high-contrast');
    expect(systemThemeName(false, true)).toBe('dark');
    expect(systemThemeName(false, false)).toBe('light');
  });
});
