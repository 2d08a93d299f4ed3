// The tray icon's pixel sizes, one per Windows display scale (the notification area's small icon is 16 px at 100 %):
// 16/20/24/32 px for 100/125/150/200 %, as Electron's nativeImage docs recommend for Windows tray icons
// (https://www.electronjs.org/docs/latest/api/native-image#supported-formats). The file suffixes are the DPI
// suffixes nativeImage understands (same page, "High Resolution Image"). scripts/packaging/make-icons.mjs writes
// these files; main loads all four into one multi-representation image.
import type { TrayIconKind } from './tray-state';

export interface TrayIconScale {
  scaleFactor: number;
  size: number;
  suffix: '' | '@1.25x' | '@1.5x' | '@2x';
}

export const trayIconScales: readonly TrayIconScale[] = [
  { scaleFactor: 1, size: 16, suffix: '' },
  { scaleFactor: 1.25, size: 20, suffix: '@1.25x' },
  { scaleFactor: 1.5, size: 24, suffix: '@1.5x' },
  { scaleFactor: 2, size: 32, suffix: '@2x' },
];

export const trayIconFile = (kind: TrayIconKind, scale: TrayIconScale): string => `${kind}${scale.suffix}.png`;
