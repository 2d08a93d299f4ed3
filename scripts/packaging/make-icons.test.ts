// The generated icons: real PNGs of the right size per tray state, and an ICO whose entries are those PNGs.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { trayIconKinds } from '../../src/core/tray/tray-state';
import { trayIconFile, trayIconScales as mainScales } from '../../src/core/tray/tray-icon-sizes';
import { trayColours, trayIconScales, writeIcons } from './make-icons.mjs';

const out = mkdtempSync(join(tmpdir(), 'ups-icons-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Reads width, height and the first opaque pixel's colour from our own 8-bit RGBA, filter-0 PNGs. */
function readPng(buf: Buffer) {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idatLen = buf.readUInt32BE(33);
  const raw = inflateSync(buf.subarray(41, 41 + idatLen));
  const centre = Math.floor(height / 2) * (width * 4 + 1) + 1 + Math.floor(width / 4) * 4;
  return { width, height, centre: [...raw.subarray(centre, centre + 4)] };
}

describe('make-icons', () => {
  writeIcons(out);

  it('writes a 16, 20, 24 and 32 px tray icon for every tray state, in that state’s colour, named as main loads them', () => {
    expect(Object.keys(trayColours).sort()).toEqual([...trayIconKinds].sort());
    expect(trayIconScales).toEqual(mainScales);
    expect(mainScales.map((s) => s.size)).toEqual([16, 20, 24, 32]);
    for (const kind of trayIconKinds) {
      for (const scale of mainScales) {
        const png = readPng(readFileSync(join(out, 'tray', trayIconFile(kind, scale))));
        expect([png.width, png.height], `${kind} ${scale.size}`).toEqual([scale.size, scale.size]);
        // A pixel left of the centre, inside the coloured disc but outside the white mark.
        if (scale.size >= 24) expect(png.centre.slice(0, 3)).toEqual(trayColours[kind]);
      }
    }
    expect(readdirSync(join(out, 'tray'))).toHaveLength(trayIconKinds.length * 4);
  });

  it('the committed resources/tray folder is what the script writes (run it after changing a colour or size)', () => {
    const committed = join(import.meta.dirname, '..', '..', 'resources', 'tray');
    expect(readdirSync(committed).sort()).toEqual(readdirSync(join(out, 'tray')).sort());
    for (const name of readdirSync(committed))
      expect(readFileSync(join(committed, name)).equals(readFileSync(join(out, 'tray', name))), name).toBe(true);
  });

  it('the ICO directory points at embedded PNGs, including 256 px', () => {
    const ico = readFileSync(join(out, 'icon.ico'));
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const size = ico[6 + i * 16] || 256;
      const len = ico.readUInt32LE(6 + i * 16 + 8);
      const at = ico.readUInt32LE(6 + i * 16 + 12);
      expect(readPng(ico.subarray(at, at + len)).width).toBe(size);
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});
