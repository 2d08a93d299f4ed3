// The seed files of a config's services, written into their named volumes before the first start.
import type Docker from 'dockerode';
import type { StackConfig } from '../contract';
import { QBITTORRENT_CATEGORIES_PATH, QBITTORRENT_CONF_PATH, qbittorrentCategories, qbittorrentConf, qbittorrentPasswordHash } from './qbittorrent-conf';
import { seedVolume } from './seed-volumes';
import type { StackVault } from './stack-secrets';

export async function seedStackVolumes(docker: Docker, cfg: StackConfig, project: string, vault: StackVault): Promise<string[]> {
  const seeded: string[] = [];
  if (cfg.services.qbittorrent) {
    const password = await vault.get('qbittorrent.password');
    if (!password) throw new Error('qbittorrent.password is not in the vault: run `ups init` again to generate it.');
    const owner = { uid: cfg.puid, gid: cfg.pgid };
    const r = await seedVolume(docker, {
      project,
      volume: 'qbittorrent-config',
      image: cfg.images.qbittorrent,
      files: [
        { path: QBITTORRENT_CONF_PATH, content: qbittorrentConf(qbittorrentPasswordHash(password)), mode: 0o600, ...owner },
        { path: QBITTORRENT_CATEGORIES_PATH, content: qbittorrentCategories(), ...owner },
      ],
    });
    seeded.push(...r.written.map((p) => `qbittorrent-config/${p}`));
  }
  return seeded;
}
