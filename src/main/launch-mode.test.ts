// Which mode a launch selects: only a first-position flag counts, and `--` before the CLI's arguments is dropped.
import { describe, expect, it } from 'vitest';
import { appArguments, CLI_FLAG, readLaunchMode, SELF_TEST_FLAG } from './launch-mode';

describe('launch mode', () => {
  it('packaged: arguments start after the executable; `electron .`: after the app folder too', () => {
    expect(appArguments(['C:\\App\\Ultimate Plex Stack.exe', CLI_FLAG, '--', 'status'], undefined)).toEqual([
      CLI_FLAG,
      '--',
      'status',
    ]);
    expect(appArguments(['electron', '.', SELF_TEST_FLAG], true)).toEqual([SELF_TEST_FLAG]);
  });

  it('ups.cmd’s `--ups-cli -- <args>` hands exactly the user’s arguments to the CLI, flags and all', () => {
    expect(readLaunchMode([CLI_FLAG, '--', 'doctor', '--json'])).toEqual({ kind: 'cli', args: ['doctor', '--json'] });
    expect(readLaunchMode([CLI_FLAG, '--', '--version'])).toEqual({ kind: 'cli', args: ['--version'] });
    // Only the first `--` is ours: a second one is the user's.
    expect(readLaunchMode([CLI_FLAG, '--', 'logs', '--', 'x'])).toEqual({ kind: 'cli', args: ['logs', '--', 'x'] });
    expect(readLaunchMode([CLI_FLAG, 'status'])).toEqual({ kind: 'cli', args: ['status'] });
    expect(readLaunchMode([CLI_FLAG])).toEqual({ kind: 'cli', args: [] });
  });

  it('a flag anywhere but first selects nothing: the desktop app starts as usual', () => {
    expect(readLaunchMode([])).toEqual({ kind: 'app', selfTest: false });
    expect(readLaunchMode(['--hidden'])).toEqual({ kind: 'app', selfTest: false });
    expect(readLaunchMode(['--hidden', CLI_FLAG, 'stop'])).toEqual({ kind: 'app', selfTest: false });
    expect(readLaunchMode(['--hidden', SELF_TEST_FLAG])).toEqual({ kind: 'app', selfTest: false });
    expect(readLaunchMode([SELF_TEST_FLAG])).toEqual({ kind: 'app', selfTest: true });
  });
});
