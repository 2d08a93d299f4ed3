// app.startAtLogin.* handlers: read and write through the injected login item, NOT_FOUND without one.
import { describe, expect, it, vi } from 'vitest';
import { UpsFailure } from '../contract';
import { createAppSettingsHandlers } from './app-settings-handlers';

describe('createAppSettingsHandlers', () => {
  it('reads and writes the login item, answering what the OS reports', async () => {
    let stored = false;
    const port = { read: vi.fn(() => stored), write: vi.fn((on: boolean) => ((stored = on), stored)) };
    const h = createAppSettingsHandlers(port);
    expect(await h['app.startAtLogin.get']()).toEqual({ enabled: false });
    expect(await h['app.startAtLogin.set']({ enabled: true })).toEqual({ enabled: true });
    expect(port.write).toHaveBeenCalledWith(true);
    expect(await h['app.startAtLogin.get']()).toEqual({ enabled: true });
  });

  it('a door without a login item answers NOT_FOUND with a fix', async () => {
    const err = await createAppSettingsHandlers(undefined)['app.startAtLogin.set']({ enabled: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error).toMatchObject({ code: 'NOT_FOUND', fix: expect.any(String) });
  });
});
