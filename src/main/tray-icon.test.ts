// The tray icon loader with nativeImage faked: every state gets the four committed PNGs, each at its scale factor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NativeImage } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { trayIconKinds } from '../core/tray/tray-state';
import { loadTrayIcon, trayIconCache } from './tray-icon';

vi.mock('electron', () => ({}));

const dir = join(import.meta.dirname, '..', '..', 'resources', 'tray');

function fakeImage() {
  const reps: { scaleFactor: number; width: number; height: number; pngWidth: number }[] = [];
  const image = {
    addRepresentation: (o: { scaleFactor: number; width: number; height: number; buffer: Buffer }) =>
      reps.push({ scaleFactor: o.scaleFactor, width: o.width, height: o.height, pngWidth: o.buffer.readUInt32BE(16) }),
  };
  return { image: image as unknown as NativeImage, reps };
}

describe('tray icon', () => {
  it('every state is one image with 16/20/24/32 px representations at scale 1/1.25/1.5/2, read from the tray folder', () => {
    for (const kind of trayIconKinds) {
      const f = fakeImage();
      const read: string[] = [];
      loadTrayIcon(kind, {
        dir,
        createEmpty: () => f.image,
        readFile: (p) => (read.push(p), readFileSync(p)),
      });
      expect(f.reps).toEqual([
        { scaleFactor: 1, width: 16, height: 16, pngWidth: 16 },
        { scaleFactor: 1.25, width: 20, height: 20, pngWidth: 20 },
        { scaleFactor: 1.5, width: 24, height: 24, pngWidth: 24 },
        { scaleFactor: 2, width: 32, height: 32, pngWidth: 32 },
      ]);
      expect(read).toEqual(['', '@1.25x', '@1.5x', '@2x'].map((suffix) => join(dir, `${kind}${suffix}.png`)));
    }
  });

  it('builds each state once', () => {
    const createEmpty = vi.fn(() => fakeImage().image);
    const iconFor = trayIconCache({ dir, createEmpty, readFile: (p) => readFileSync(p) });
    expect(iconFor('running')).toBe(iconFor('running'));
    iconFor('stopped');
    expect(createEmpty).toHaveBeenCalledTimes(2);
  });
});
