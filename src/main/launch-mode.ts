// What this launch of the app binary is for: the `ups` CLI, the packaged self-test, or the desktop app (the default).
export const CLI_FLAG = '--ups-cli';
export const SELF_TEST_FLAG = '--self-test';

export type LaunchMode = { kind: 'cli'; args: string[] } | { kind: 'app'; selfTest: boolean };

/**
 * The arguments the user gave the app: after the executable, and after the app folder too when run as `electron .`
 * (Electron sets `process.defaultApp` then).
 */
export function appArguments(argv: readonly string[], defaultApp: boolean | undefined): string[] {
  return argv.slice(defaultApp ? 2 : 1);
}

/**
 * Only the first argument selects a mode, so a flag deeper in a command line (a CLI argument, a second launch's
 * arguments) never switches the app into another one. `ups.cmd` passes `--ups-cli --` before the user's arguments:
 * `--` ends Chromium's switch parsing and Electron's URL-argument check (docs/decisions.md#d29), and is dropped here.
 */
export function readLaunchMode(args: readonly string[]): LaunchMode {
  if (args[0] === CLI_FLAG) return { kind: 'cli', args: args[1] === '--' ? args.slice(2) : args.slice(1) };
  return { kind: 'app', selfTest: args[0] === SELF_TEST_FLAG };
}
