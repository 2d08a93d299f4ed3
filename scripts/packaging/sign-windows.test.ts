// The Windows signing hook: one log line and no signing without a certificate; signtool/osslsigncode with one.
import { describe, expect, it, vi } from 'vitest';
import signWindows from './sign-windows.mjs';

describe('sign-windows hook', () => {
  it('skips with a log line naming the file and how to configure a certificate', async () => {
    const run = vi.fn();
    const log = vi.fn();
    expect(await signWindows({ path: '/out/Ultimate Plex Stack.exe', cscInfo: null }, {}, run, log)).toBe(false);
    expect(run).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toMatch(/signing skipped.*WIN_CSC_LINK.*Ultimate Plex Stack\.exe/);
  });

  it('signs with the arguments electron-builder computed when a certificate is configured', async () => {
    const run = vi.fn();
    const computeSignToolArgs = vi.fn((isWin: boolean) =>
      isWin ? ['sign', '/f', 'cert.pfx'] : ['sign', '-pkcs12', 'cert.pfx'],
    );
    expect(
      await signWindows({ path: '/out/x.exe', cscInfo: { file: 'cert.pfx' }, computeSignToolArgs }, {}, run, vi.fn()),
    ).toBe(true);
    const onWindows = process.platform === 'win32';
    expect(computeSignToolArgs).toHaveBeenCalledWith(onWindows);
    expect(run).toHaveBeenCalledWith(
      onWindows ? 'signtool.exe' : 'osslsigncode',
      computeSignToolArgs.mock.results[0]!.value,
      { stdio: 'inherit' },
    );
  });
});
