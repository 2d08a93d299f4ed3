// The app updater with electron-updater faked at its edge: feed applied, update offered, nothing installed without consent.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { AppUpdateState } from '../core/tray/tray-state';
import type { UpdateChannelName } from '../core/contract';
import { createAppUpdater, feedChannel, type UpdaterPort } from './app-updater';
import { readUpdateFeed } from './update-feed';

/** Emits the same events, with the same payload shapes, as electron-updater's AppUpdater (UpdateInfo, ProgressInfo). */
function fakeUpdater(script: { available?: string; failWith?: string } = {}) {
  const em = new EventEmitter();
  const u = Object.assign(em, {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => {
      em.emit('checking-for-update');
      if (script.failWith) {
        const err = new Error(script.failWith);
        em.emit('error', err);
        throw err;
      }
      if (script.available)
        em.emit('update-available', { version: script.available, files: [], path: '', sha512: '', releaseDate: '' });
      else em.emit('update-not-available', { version: '0.1.0' });
      return null;
    }),
    downloadUpdate: vi.fn(async () => {
      em.emit('download-progress', { percent: 50, bytesPerSecond: 1, total: 2, transferred: 1, delta: 1 });
      em.emit('update-downloaded', { version: script.available, downloadedFile: '/tmp/x.exe' });
      return ['/tmp/x.exe'];
    }),
    quitAndInstall: vi.fn(),
  });
  return u as typeof u & UpdaterPort;
}

const feed = (() => {
  const r = readUpdateFeed({
    env: {},
    appUpdateYml:
      'provider: generic\nurl: https://updates.example.org/ups/\nupdaterCacheDirName: ultimate-plex-stack-updater\n',
  });
  if (!r.ok) throw new Error('fixture feed must parse');
  return r.feed;
})();

describe('createAppUpdater', () => {
  it('reads the feed into electron-updater and turns every automatic step off', () => {
    const u = fakeUpdater();
    createAppUpdater(u, feed, vi.fn());
    expect(u.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.example.org/ups/' });
    expect(u.autoDownload).toBe(false);
    expect(u.autoInstallOnAppQuit).toBe(false);
  });

  it('an update found is offered and neither downloaded nor installed until asked', async () => {
    const u = fakeUpdater({ available: '0.2.0' });
    const states: AppUpdateState[] = [];
    const up = createAppUpdater(u, feed, (s) => states.push(s));
    await up.check();
    expect(states.map((s) => s.kind)).toEqual(['checking', 'available']);
    expect(up.state()).toEqual({ kind: 'available', version: '0.2.0' });
    expect(u.downloadUpdate).not.toHaveBeenCalled();
    expect(up.install()).toBe(false);
    expect(u.quitAndInstall).not.toHaveBeenCalled();
  });

  it('download then install happen only on the user’s two clicks', async () => {
    const u = fakeUpdater({ available: '0.2.0' });
    const states: AppUpdateState[] = [];
    const order: string[] = [];
    u.quitAndInstall.mockImplementation(() => void order.push('quitAndInstall'));
    const up = createAppUpdater(u, feed, (s) => states.push(s), { beforeInstall: () => order.push('beforeInstall') });
    await up.check();
    await up.download();
    expect(states.slice(2)).toEqual([
      { kind: 'downloading', version: '0.2.0', percent: 0 },
      { kind: 'downloading', version: '0.2.0', percent: 50 },
      { kind: 'ready', version: '0.2.0' },
    ]);
    expect(u.quitAndInstall).not.toHaveBeenCalled();
    expect(up.install()).toBe(true);
    expect(u.quitAndInstall).toHaveBeenCalledWith(false, true);
    // The window's hide-to-tray must know it is a real quit before electron-updater closes the windows.
    expect(order).toEqual(['beforeInstall', 'quitAndInstall']);
  });

  it('no update and failures are reported as states, never thrown', async () => {
    const none = createAppUpdater(fakeUpdater(), feed, vi.fn(), { now: () => new Date('2026-01-02T03:04:05Z') });
    await none.check();
    expect(none.state()).toEqual({ kind: 'none', checkedAt: '2026-01-02T03:04:05.000Z' });
    const failing = createAppUpdater(fakeUpdater({ failWith: 'net::ERR_NAME_NOT_RESOLVED' }), feed, vi.fn());
    await failing.check();
    expect(failing.state()).toEqual({ kind: 'error', message: 'net::ERR_NAME_NOT_RESOLVED' });
  });

  it('the quiet start-up check fails silently back to idle; a user check reports the failure', async () => {
    const states: AppUpdateState[] = [];
    const up = createAppUpdater(fakeUpdater({ failWith: 'offline' }), feed, (s) => states.push(s));
    await up.check({ quiet: true });
    expect(up.state()).toEqual({ kind: 'idle' });
    expect(states.some((s) => s.kind === 'error')).toBe(false);
    await up.check();
    expect(up.state()).toEqual({ kind: 'error', message: 'offline' });
  });

  it('without a feed it never calls electron-updater', async () => {
    const u = fakeUpdater({ available: '9.9.9' });
    const up = createAppUpdater(u, null, vi.fn());
    await up.check();
    expect(u.setFeedURL).not.toHaveBeenCalled();
    expect(u.checkForUpdates).not.toHaveBeenCalled();
    expect(up.state().kind).toBe('error');
  });

  it('follows the channel preference: beta reads beta.yml, and a change applies to the next check', async () => {
    let channel: UpdateChannelName = 'stable';
    const u = fakeUpdater();
    const up = createAppUpdater(u, feed, vi.fn(), { channel: () => channel });
    expect(u.setFeedURL).toHaveBeenLastCalledWith({ provider: 'generic', url: 'https://updates.example.org/ups/' });
    channel = 'beta';
    await up.check();
    expect(u.setFeedURL).toHaveBeenLastCalledWith({
      provider: 'generic',
      url: 'https://updates.example.org/ups/',
      channel: 'beta',
    });
    // The feed is set before the check asks for it.
    expect(u.setFeedURL.mock.invocationCallOrder.at(-1)!).toBeLessThan(
      u.checkForUpdates.mock.invocationCallOrder.at(-1)!,
    );
    await up.check();
    expect(u.setFeedURL).toHaveBeenCalledTimes(2);
    channel = 'stable';
    await up.check();
    expect(u.setFeedURL).toHaveBeenLastCalledWith({ provider: 'generic', url: 'https://updates.example.org/ups/' });
  });

  it('stable keeps the feed’s own channel; beta replaces it', () => {
    expect(feedChannel({ ...feed, channel: 'latest' }, 'stable')).toBe('latest');
    expect(feedChannel(feed, 'stable')).toBeUndefined();
    expect(feedChannel({ ...feed, channel: 'latest' }, 'beta')).toBe('beta');
  });
});
