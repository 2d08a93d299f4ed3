// The seed files of a config's services, written into their named volumes before the first start.
import type Docker from 'dockerode';
import type { StackConfig } from '../contract';
import {
  QBITTORRENT_CATEGORIES_PATH,
  QBITTORRENT_CONF_PATH,
  qbittorrentCategories,
  qbittorrentConf,
  qbittorrentPasswordHash,
} from './qbittorrent-conf';
import { NZBGET_CONF_PATH, NZBGET_TEMPLATE_PATH, NZBGET_USER, nzbgetSeedConfig } from './nzbget-conf';
import { readImageFile, seedVolume } from './seed-volumes';
import type { StackVault } from './stack-secrets';

/** Where linuxserver/bazarr (`--config /config`) keeps its settings: Bazarr's app/config.py reads `<config>/config/config.yaml`. */
export const BAZARR_CONFIG_PATH = 'config/config.yaml';

/**
 * Bazarr has no environment variable for its API key: it takes `auth.apikey` from config.yaml and fills every other
 * setting from its validators' defaults (Dynaconf), generating a key only when none is there. So the generated key
 * goes into a config.yaml holding just that, inside the volume Bazarr alone reads (never on the host disk).
 */
export function bazarrSeedConfig(apiKey: string): string {
  if (!/^[0-9a-f]{32}$/.test(apiKey))
    throw new Error('bazarr.api_key must be 32 lower-case hex characters: run the setup again to regenerate it.');
  return `auth:\n  apikey: ${apiKey}\n`;
}

async function seedBazarrKey(docker: Docker, cfg: StackConfig, project: string, vault: StackVault): Promise<string[]> {
  const key = await vault.get('bazarr.api_key');
  if (!key) throw new Error('bazarr.api_key is not in the vault: run the setup again to generate it.');
  const owner = { uid: cfg.puid, gid: cfg.pgid };
  const r = await seedVolume(docker, {
    project,
    volume: 'bazarr-config',
    image: cfg.images.bazarr,
    files: [{ path: BAZARR_CONFIG_PATH, content: bazarrSeedConfig(key), mode: 0o600, ...owner }],
  });
  return r.written.map((p) => `bazarr-config/${p}`);
}

/** NZBGet's login lives in nzbget.conf from the first start (never on its command line): the image's template, set up. */
async function seedNzbgetConf(docker: Docker, cfg: StackConfig, project: string, vault: StackVault): Promise<string[]> {
  const password = await vault.get('nzbget.password');
  if (!password) throw new Error('nzbget.password is not in the vault: run the setup again to generate it.');
  const template = await readImageFile(docker, cfg.images.nzbget, NZBGET_TEMPLATE_PATH);
  if (template === null)
    throw new Error(
      `The NZBGet image ${cfg.images.nzbget} has no ${NZBGET_TEMPLATE_PATH}: use the nzbgetcom/nzbget image the catalog pins.`,
    );
  const r = await seedVolume(docker, {
    project,
    volume: 'nzbget-config',
    image: cfg.images.nzbget,
    files: [
      {
        path: NZBGET_CONF_PATH,
        content: nzbgetSeedConfig(template, { username: NZBGET_USER, password }),
        mode: 0o600,
        uid: cfg.puid,
        gid: cfg.pgid,
      },
    ],
  });
  return r.written.map((p) => `nzbget-config/${p}`);
}

export async function seedStackVolumes(
  docker: Docker,
  cfg: StackConfig,
  project: string,
  vault: StackVault,
): Promise<string[]> {
  const seeded: string[] = [];
  if (cfg.services.qbittorrent) {
    const password = await vault.get('qbittorrent.password');
    if (!password) throw new Error('qbittorrent.password is not in the vault: run the setup again to generate it.');
    const owner = { uid: cfg.puid, gid: cfg.pgid };
    const r = await seedVolume(docker, {
      project,
      volume: 'qbittorrent-config',
      image: cfg.images.qbittorrent,
      files: [
        {
          path: QBITTORRENT_CONF_PATH,
          content: qbittorrentConf(qbittorrentPasswordHash(password)),
          mode: 0o600,
          ...owner,
        },
        { path: QBITTORRENT_CATEGORIES_PATH, content: qbittorrentCategories(), ...owner },
      ],
    });
    seeded.push(...r.written.map((p) => `qbittorrent-config/${p}`));
  }
  if (cfg.services.nzbget) seeded.push(...(await seedNzbgetConf(docker, cfg, project, vault)));
  seeded.push(...(await seedBazarrKey(docker, cfg, project, vault)));
  return seeded;
}
