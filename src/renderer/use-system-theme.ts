// Follows the system's appearance, as a Windows 11 app does: light or dark, and Fluent's high-contrast theme when
// Windows forces its contrast colours (Settings → Accessibility → Contrast themes).
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useCallback, useSyncExternalStore } from 'react';

const DARK = '(prefers-color-scheme: dark)';
/** What Chromium (and so Electron) reports while a Windows contrast theme is on. */
const FORCED = '(forced-colors: active)';

/** Whether a media query matches now, following its changes; false where matchMedia is missing. */
function useMedia(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const mq = window.matchMedia?.(query);
      if (!mq) return () => {};
      mq.addEventListener('change', onChange);
      return () => mq.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia?.(query).matches ?? false);
}

export function useSystemDark(): boolean {
  return useMedia(DARK);
}

export type SystemThemeName = 'high-contrast' | 'dark' | 'light';

/** Forced colours win over dark/light: a contrast theme's user needs its colours whatever the app mode says. */
export function systemThemeName(forcedColors: boolean, dark: boolean): SystemThemeName {
  return forcedColors ? 'high-contrast' : dark ? 'dark' : 'light';
}

export const systemThemes: Record<SystemThemeName, Theme> = {
  'high-contrast': teamsHighContrastTheme,
  dark: webDarkTheme,
  light: webLightTheme,
};

/** The Fluent theme for the system's current appearance. */
export function useSystemTheme(): Theme {
  const forced = useMedia(FORCED);
  const dark = useMedia(DARK);
  return systemThemes[systemThemeName(forced, dark)];
}
