// The afterPack hook on a stand-in Electron binary: finds the right binary per platform and burns the fuses.
import { getCurrentFuseWire } from '@electron/fuses';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import afterPack, { electronBinary, type AfterPackContextLike as Ctx } from './after-pack.mjs';
import { fuseConfig } from './fuses.mjs';
import { makeStandinElectronDist, SHIPPED_FUSES } from './standin-electron-dist';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const ctx = (appOutDir: string, electronPlatformName: string): Ctx => ({
  appOutDir,
  electronPlatformName,
  arch: 1,
  packager: { appInfo: { productFilename: 'Ultimate Plex Stack' }, executableName: 'electron' },
});

describe('after-pack hook', () => {
  it('names the binary electron-builder produced on each platform', () => {
    expect(electronBinary(ctx('/o', 'win32'))).toBe(join('/o', 'Ultimate Plex Stack.exe'));
    expect(electronBinary(ctx('/o', 'darwin'))).toBe(join('/o', 'Ultimate Plex Stack.app'));
    expect(electronBinary(ctx('/o', 'linux'))).toBe(join('/o', 'electron'));
  });

  it('turns RunAsNode, NODE_OPTIONS and --inspect off and asar-only on, from Electron’s shipped wire', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ups-fuses-'));
    dirs.push(dir);
    makeStandinElectronDist(dir, '45.0.0');
    const before = await getCurrentFuseWire(join(dir, 'electron'));
    expect(
      String.fromCharCode(
        ...Object.entries(before)
          .filter(([k]) => k !== 'version')
          .map(([, v]) => v as number),
      ),
    ).toBe(SHIPPED_FUSES);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await afterPack(ctx(dir, 'linux'));
    const after = await getCurrentFuseWire(join(dir, 'electron'));
    for (const [index, wanted] of Object.entries(fuseConfig as Record<string, unknown>)) {
      if (index !== 'version')
        expect(after[index as unknown as 0], `fuse ${index}`).toBe((wanted ? '1' : '0').charCodeAt(0));
    }
    // RunAsNode (0), NODE_OPTIONS (2), --inspect (3) off; OnlyLoadAppFromAsar (5) on.
    expect([after[0], after[2], after[3], after[5]].map((c) => String.fromCharCode(c as number))).toEqual([
      '0',
      '0',
      '0',
      '1',
    ]);
  });
});
