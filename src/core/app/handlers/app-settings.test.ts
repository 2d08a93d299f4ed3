// app.startAtLogin.* / app.updateChannel.* handlers: read and write through the injected ports, NOT_FOUND without one.
import { describe, expect, it, vi } from 'vitest';
import { calls, fromZodError, UpsFailure, type UpdateChannelName } from '../../contract';
import { createAppSettingsHandlers } from './app-settings';

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
    const handlers = createAppSettingsHandlers(undefined);
    const err = await handlers['app.startAtLogin.set']({ enabled: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error).toMatchObject({ code: 'NOT_FOUND', fix: expect.any(String) });
  });

  it('reads and writes the update channel through the injected store', async () => {
    let stored: UpdateChannelName = 'stable';
    const channel = { read: vi.fn(() => stored), write: vi.fn((c: UpdateChannelName) => ((stored = c), stored)) };
    const h = createAppSettingsHandlers(undefined, channel);
    expect(await h['app.updateChannel.get']()).toEqual({ channel: 'stable' });
    expect(await h['app.updateChannel.set']({ channel: 'beta' })).toEqual({ channel: 'beta' });
    expect(channel.write).toHaveBeenCalledWith('beta');
    expect(await h['app.updateChannel.get']()).toEqual({ channel: 'beta' });
  });

  it('the CLI and browser mode answer the update channel with "only in the desktop app" and a fix', async () => {
    const h = createAppSettingsHandlers(undefined, undefined);
    for (const run of [() => h['app.updateChannel.get'](), () => h['app.updateChannel.set']({ channel: 'beta' })]) {
      const err = await run().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpsFailure);
      expect((err as UpsFailure).error).toMatchObject({
        code: 'NOT_FOUND',
        message: 'The update channel is a setting of the desktop app.',
        fix: expect.stringMatching(/desktop app/),
      });
    }
  });

  it('the contract refuses a channel other than stable or beta, naming the field', () => {
    const bad = calls['app.updateChannel.set'].input.safeParse({ channel: 'nightly' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(fromZodError(bad.error, 'input').field).toBe('input.channel');
    expect(calls['app.updateChannel.set'].input.safeParse({ channel: 'beta' }).success).toBe(true);
  });

  it('folders.pick asks the injected folder dialog, and without one says to type the path', async () => {
    const picker = vi.fn(async () => 'D:\\Media');
    const h = createAppSettingsHandlers(undefined, undefined, picker);
    expect(await h['folders.pick']({ title: 'Choose the media folder' })).toEqual({ path: 'D:\\Media' });
    expect(picker).toHaveBeenCalledWith({ title: 'Choose the media folder' });
    const browser = createAppSettingsHandlers(undefined);
    const none = await browser['folders.pick']({}).catch((e: unknown) => e);
    expect((none as UpsFailure).error).toMatchObject({
      code: 'NOT_FOUND',
      fix: 'Type the full path of the folder instead.',
    });
  });
});
