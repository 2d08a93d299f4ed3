// Generates the app icon (PNG + ICO) and one tray icon per state into resources/; run it after changing a colour.
// Usage: node scripts/packaging/make-icons.mjs [outDir=resources]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeIco, encodePng } from './png.mjs';

// Colours follow the tray's meaning (DESIGN §1.5: green/amber/red), with blue for work in progress.
export const trayColours = {
  running: [0x2e, 0xa0, 0x43],
  degraded: [0xf2, 0xa9, 0x00],
  stopped: [0x7a, 0x7a, 0x7a],
  updating: [0x1f, 0x6f, 0xeb],
  'vpn-alert': [0xd1, 0x24, 0x2f],
  'not-installed': [0xb0, 0xb0, 0xb0],
  unknown: [0xc8, 0xc8, 0xc8],
};

/** Coverage of a pixel by a shape, 4×4 supersampled, so edges are smooth at 16 px. */
function paint(size, inside, colour, rgba) {
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) if (inside((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size)) hits++;
      if (hits === 0) continue;
      const a = (hits / 16) * (colour[3] ?? 255);
      const i = (y * size + x) * 4;
      const base = rgba[i + 3];
      const outA = a + base * (1 - a / 255);
      for (let c = 0; c < 3; c++)
        rgba[i + c] = Math.round((colour[c] * a + rgba[i + c] * base * (1 - a / 255)) / (outA || 1));
      rgba[i + 3] = Math.round(outA);
    }
  }
}

const circle = (cx, cy, r) => (u, v) => (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
// A right-pointing "play" triangle: the media-server mark.
const play = (u, v) => u >= 0.38 && u <= 0.72 && Math.abs(v - 0.5) <= (0.72 - u) * 0.62;

export function trayIcon(size, colour) {
  const rgba = new Uint8Array(size * size * 4);
  paint(size, circle(0.5, 0.5, 0.47), [0x20, 0x20, 0x20, 200], rgba); // dark rim, readable on light and dark taskbars
  paint(size, circle(0.5, 0.5, 0.4), colour, rgba);
  paint(size, play, [0xff, 0xff, 0xff], rgba);
  return encodePng(size, rgba);
}

export function appIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  paint(size, (u, v) => Math.max(Math.abs(u - 0.5), Math.abs(v - 0.5)) <= 0.46, [0x1b, 0x1f, 0x2a], rgba);
  paint(size, circle(0.5, 0.5, 0.36), [0xe5, 0xa0, 0x0d], rgba);
  paint(size, play, [0x1b, 0x1f, 0x2a], rgba);
  return encodePng(size, rgba);
}

/**
 * One tray icon per Windows display scale, 100/125/150/200 % (src/core/tray/tray-icon-sizes.ts holds the same table
 * for main; make-icons.test.ts checks they agree). Drawn at each size rather than scaled, so edges stay sharp.
 */
export const trayIconScales = [
  { scaleFactor: 1, size: 16, suffix: '' },
  { scaleFactor: 1.25, size: 20, suffix: '@1.25x' },
  { scaleFactor: 1.5, size: 24, suffix: '@1.5x' },
  { scaleFactor: 2, size: 32, suffix: '@2x' },
];

export function writeIcons(outDir) {
  mkdirSync(join(outDir, 'tray'), { recursive: true });
  for (const [kind, colour] of Object.entries(trayColours))
    for (const { size, suffix } of trayIconScales)
      writeFileSync(join(outDir, 'tray', `${kind}${suffix}.png`), trayIcon(size, colour));
  writeFileSync(join(outDir, 'icon.png'), appIcon(512));
  writeFileSync(
    join(outDir, 'icon.ico'),
    encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: appIcon(size) }))),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) writeIcons(process.argv[2] ?? 'resources');
