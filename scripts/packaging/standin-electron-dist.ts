// A stand-in for an unpacked Electron distribution (the real binary cannot be downloaded here), for `--dir` packaging tests.
// electron-builder copies an unpacked `electronDist` folder as is and renames `electron` to the executable name
// (app-builder-lib ElectronFramework.unpack/beforeCopyExtraFiles); @electron/fuses finds the fuse wire after its sentinel.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @electron/fuses constants.ts: the sentinel that precedes the fuse wire in every Electron ≥ 12 binary. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * The wire as Electron ships it (electron/build/fuses/fuses.json5, in FuseV1Options order): RunAsNode on, cookie
 * encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, only-asar off, V8 snapshot off, file:// privileges on.
 * Starting from these, a test sees every fuse the hook must change actually change.
 */
export const SHIPPED_FUSES = '10110001';

export function makeStandinElectronDist(dir: string, version: string): string {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([1, SHIPPED_FUSES.length]),
    Buffer.from(SHIPPED_FUSES, 'ascii'),
  ]);
  const script = Buffer.from(
    '#!/bin/sh\necho "stand-in Electron: the real binary is not available offline" >&2\nexit 1\n# fuse wire: ',
  );
  writeFileSync(join(dir, 'electron'), Buffer.concat([script, wire, Buffer.from('\n')]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), `v${version}`);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}
