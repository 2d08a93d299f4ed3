// electron-builder Windows signing hook: signs with the configured certificate, or skips with one log line when none is set.
import { execFileSync } from 'node:child_process';

/**
 * electron-builder calls this once per file and hash (win.signtoolOptions.sign). `cscInfo` is null when neither
 * WIN_CSC_LINK/CSC_LINK nor a certificate option is configured: then we log and leave the file unsigned instead of
 * failing, so local and CI builds work and only release builds carry the certificate.
 */
export default async function signWindows(configuration, _packager, run = execFileSync, log = console.log) {
  if (!configuration.cscInfo) {
    log(
      `  • signing skipped: no code-signing certificate configured (set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD)  file=${configuration.path}`,
    );
    return false;
  }
  const onWindows = process.platform === 'win32';
  // electron-builder computes signtool (Windows) or osslsigncode (elsewhere) arguments for this file and hash.
  const args = await configuration.computeSignToolArgs(onWindows);
  run(onWindows ? 'signtool.exe' : 'osslsigncode', args, { stdio: 'inherit' });
  return true;
}
