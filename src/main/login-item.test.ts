// "Start with Windows" through the login item, with electron's app faked: written and read back with the same args.
import { describe, expect, it, vi } from 'vitest';
import { HIDDEN_ARG, launchedHidden, readStartAtLogin, writeStartAtLogin } from './login-item';

vi.mock('electron', () => ({}));

/** Behaves like Windows: an item is found only when the args match the ones it was written with. */
function fakeApp() {
  let stored: { openAtLogin: boolean; args: string[] } = { openAtLogin: false, args: [] };
  return {
    setLoginItemSettings: vi.fn(
      (s: { openAtLogin?: boolean; args?: string[] }) =>
        void (stored = { openAtLogin: !!s.openAtLogin, args: s.args ?? [] }),
    ),
    getLoginItemSettings: vi.fn((o?: { args?: string[] }) => ({
      openAtLogin: stored.openAtLogin && JSON.stringify(o?.args ?? []) === JSON.stringify(stored.args),
    })),
  };
}

describe('login item', () => {
  it('turns on and off, launching hidden into the tray', () => {
    const app = fakeApp();
    expect(readStartAtLogin(app as never)).toBe(false);
    expect(writeStartAtLogin(app as never, true)).toBe(true);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: [HIDDEN_ARG] });
    expect(readStartAtLogin(app as never)).toBe(true);
    expect(writeStartAtLogin(app as never, false)).toBe(false);
  });

  it('recognises a login launch by its argument', () => {
    expect(launchedHidden(['C:\\ups.exe', HIDDEN_ARG])).toBe(true);
    expect(launchedHidden(['C:\\ups.exe'])).toBe(false);
  });

  it('also when the OS says it opened the app at login (macOS wasOpenedAtLogin), and not otherwise', () => {
    const at = (wasOpenedAtLogin?: boolean) => ({ getLoginItemSettings: () => ({ wasOpenedAtLogin }) }) as never;
    expect(launchedHidden(['/Applications/ups'], at(true))).toBe(true);
    expect(launchedHidden(['/Applications/ups'], at(false))).toBe(false);
    expect(launchedHidden(['/Applications/ups'], at(undefined))).toBe(false);
  });
});
