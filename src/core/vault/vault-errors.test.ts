import { describe, expect, it } from 'vitest';
import { classifyVaultError, toVaultError } from './vault-errors';

// Messages as keytar/libsecret raised them on Debian 12 with gnome-keyring 42 (recorded while writing this module).
describe('vault error classification', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'absent'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'absent'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'no-keyring'],
    ['no answer within 20000 ms', 'timeout'],
    ["Cannot find module '@github/keytar'", 'module'],
    // @github/keytar 7.10.6 lib/keytar.js, when no prebuild fits the platform and no build/Release exists.
    [
      'Failed to load keytar native addon, checked ["../build/Release","../prebuilds/linux-x64"] on prebuilds/linux-x64',
      'module',
    ],
    ['something nobody expected', 'error'],
  ] as const)('%s → %s', (message, problem) => {
    expect(classifyVaultError(message)).toBe(problem);
  });

  it('builds an envelope error that says what is wrong and how to fix it, per platform', () => {
    const linux = toVaultError(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'), 'Secret Service', 'linux');
    expect(linux.error.code).toBe('VAULT_UNAVAILABLE');
    expect(linux.error.message).toContain('No Secret Service is reachable');
    expect(linux.error.fix).toContain('dbus-run-session');
    const win = toVaultError(
      new Error('Cannot create an item in a locked collection'),
      'Windows Credential Manager',
      'win32',
    );
    expect(win.problem).toBe('locked');
    expect(win.error.fix).toContain('Windows');
  });
});
