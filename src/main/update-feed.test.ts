// The update feed from config: packaged app-update.yml (as electron-builder writes it) or an https env override.
import { describe, expect, it } from 'vitest';
import { FEED_URL_ENV, readUpdateFeed } from './update-feed';

// The shape electron-builder 26 writes for `publish: { provider: generic, url }` (see AppUpdater's app-update.yml reader).
const packaged =
  'provider: generic\nurl: https://updates.example.org/ups/win\nupdaterCacheDirName: ultimate-plex-stack-updater\n';

describe('readUpdateFeed', () => {
  it('reads the packaged app-update.yml', () => {
    expect(readUpdateFeed({ env: {}, appUpdateYml: packaged })).toEqual({
      ok: true,
      source: 'app-update.yml',
      feed: { provider: 'generic', url: 'https://updates.example.org/ups/win' },
    });
  });

  it('an https override from the environment wins', () => {
    const r = readUpdateFeed({ env: { [FEED_URL_ENV]: 'https://staging.example.org/ups/' }, appUpdateYml: packaged });
    expect(r).toMatchObject({ ok: true, source: 'env', feed: { url: 'https://staging.example.org/ups/' } });
  });

  it('refuses a plain-http override, naming the variable and the fix', () => {
    const r = readUpdateFeed({ env: { [FEED_URL_ENV]: 'http://updates.example.org/' }, appUpdateYml: packaged });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: FEED_URL_ENV } });
    expect(!r.ok && r.error.fix).toContain('https://');
  });

  it('refuses a feed of another provider or a broken file, naming the field', () => {
    expect(readUpdateFeed({ env: {}, appUpdateYml: 'provider: github\nowner: x\n' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'app-update.yml.provider' },
    });
    expect(readUpdateFeed({ env: {}, appUpdateYml: 'provider: generic\nurl: ftp://x/\n' })).toMatchObject({
      ok: false,
      error: { field: 'app-update.yml.url' },
    });
    expect(readUpdateFeed({ env: {}, appUpdateYml: 'url: [unclosed' })).toMatchObject({
      ok: false,
      error: { field: 'app-update.yml' },
    });
  });

  it('a dev run has no feed and says how to get one', () => {
    expect(readUpdateFeed({ env: {}, appUpdateYml: null })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
