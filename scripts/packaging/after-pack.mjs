// electron-builder afterPack hook: flips the Electron fuses in the packaged binary before it is signed.
import fuses from '@electron/fuses';
import path from 'node:path';
import { fuseConfig } from './fuses.mjs';

/** The Electron binary electron-builder produced for this platform (it renames `electron` to the product's name). */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  return path.join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const binary = electronBinary(context);
  // Arch 3 is arm64 in builder-util's enum: Apple Silicon binaries need their ad-hoc signature redone after flipping.
  await fuses.flipFuses(binary, {
    ...fuseConfig,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
  });
  console.log(`  • fuses flipped  binary=${binary}`);
}
