// The tray icon of a state as one multi-representation image: 16/20/24/32 px at scale 1/1.25/1.5/2, so Windows
// draws the representation made for the display's scale instead of stretching a 16 or 32 px bitmap at 125/150 %.
import type { NativeImage } from 'electron';
import { join } from 'node:path';
import { trayIconFile, trayIconScales } from '../core/tray/tray-icon-sizes';
import type { TrayIconKind } from '../core/tray/tray-state';

export interface TrayIconDeps {
  createEmpty(): NativeImage;
  readFile(path: string): Buffer;
  /** The packaged `tray` folder (extraResources) or the repo's resources/tray in development. */
  dir: string;
}

export function loadTrayIcon(kind: TrayIconKind, deps: TrayIconDeps): NativeImage {
  const image = deps.createEmpty();
  for (const scale of trayIconScales) {
    const buffer = deps.readFile(join(deps.dir, trayIconFile(kind, scale)));
    image.addRepresentation({ scaleFactor: scale.scaleFactor, width: scale.size, height: scale.size, buffer });
  }
  return image;
}

/** One image per state, built on first use: the tray swaps icons on every state change. */
export function trayIconCache(deps: TrayIconDeps): (kind: TrayIconKind) => NativeImage {
  const cache = new Map<TrayIconKind, NativeImage>();
  return (kind) => {
    let image = cache.get(kind);
    if (!image) cache.set(kind, (image = loadTrayIcon(kind, deps)));
    return image;
  };
}
