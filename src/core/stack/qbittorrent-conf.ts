// qBittorrent's seed config (docs/decisions.md D5, D7): WebUI login with a PBKDF2 hash, save paths in the TRaSH layout, and the
// categories the Arrs use. Format: qBittorrent's QSettings INI; hash = PBKDF2-HMAC-SHA512, 100 000 iterations,
// 16-byte salt, 64-byte key, stored as "@ByteArray(<salt b64>:<key b64>)" (qBittorrent src/base/utils/password.cpp).
import { pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export const QBITTORRENT_USER = 'admin';
/** Where the linuxserver image reads it: /config/qBittorrent/qBittorrent.conf. */
export const QBITTORRENT_CONF_PATH = 'qBittorrent/qBittorrent.conf';
export const QBITTORRENT_CATEGORIES_PATH = 'qBittorrent/categories.json';

export function qbittorrentPasswordHash(password: string, salt: Buffer = randomBytes(16)): string {
  const key = pbkdf2Sync(password, salt, 100_000, 64, 'sha512');
  return `@ByteArray(${salt.toString('base64')}:${key.toString('base64')})`;
}

export function verifyQbittorrentHash(password: string, stored: string): boolean {
  const m = /^@ByteArray\(([^:]+):([^)]+)\)$/.exec(stored);
  if (!m) return false;
  const key = pbkdf2Sync(password, Buffer.from(m[1]!, 'base64'), 100_000, 64, 'sha512');
  const want = Buffer.from(m[2]!, 'base64');
  return want.length === key.length && timingSafeEqual(key, want);
}

export function qbittorrentConf(passwordHash: string, webUiPort = 8080): string {
  return [
    '[BitTorrent]',
    'Session\\DefaultSavePath=/data/torrents',
    'Session\\TempPathEnabled=false',
    '',
    '[LegalNotice]',
    'Accepted=true',
    '',
    '[Preferences]',
    'Downloads\\SavePath=/data/torrents/',
    `WebUI\\Port=${webUiPort}`,
    `WebUI\\Username=${QBITTORRENT_USER}`,
    `WebUI\\Password_PBKDF2="${passwordHash}"`,
    // Login for every address (docs/decisions.md D17): no localhost bypass, no subnet whitelist (Preferences/WebUI/LocalHostAuth,
    // AuthSubnetWhitelistEnabled in qBittorrent release-5.2.3 src/base/preferences.cpp; both are the defaults, written
    // so the file says it).
    'WebUI\\LocalHostAuth=true',
    'WebUI\\AuthSubnetWhitelistEnabled=false',
    // Other containers call it as http://vpn:8080, so the Host header is "vpn"; the login is what protects it.
    'WebUI\\HostHeaderValidation=false',
    '',
  ].join('\n');
}

/** TRaSH categories: Radarr uses "radarr", Sonarr "tv-sonarr". */
export function qbittorrentCategories(): string {
  return `${JSON.stringify({ radarr: { save_path: '/data/torrents/movies' }, 'tv-sonarr': { save_path: '/data/torrents/tv' } }, null, 2)}\n`;
}
