// The /data folders on the engine's host (docs/decisions.md D7): made by a one-shot container with the real mount, so
// a remote engine gets them on its own disk, at install and again before a regenerated compose.yaml is applied.
import type Docker from 'dockerode';
import type { StackConfig } from '../contract';
import type { HardlinkResult } from '../probes/hardlink-result';
import { dataFoldersFor } from './data-layout';
import { runHardlinkTest } from './hardlink-test';
import { ensureNasTdarrCache } from './nas-tdarr-cache';
import type { StackVault } from './stack-secrets';

/** Creates the layout (stack/data-layout.ts) under the data root and tests hardlinks there. */
export async function prepareData(docker: Docker, cfg: StackConfig): Promise<HardlinkResult> {
  return runHardlinkTest(docker, {
    image: cfg.images.radarr,
    mounts: [{ source: cfg.dataRoot, target: '/data' }],
    puid: cfg.puid,
    pgid: cfg.pgid,
    folders: dataFoldersFor(cfg.services.tdarr),
  });
}

/**
 * Before a regenerated compose.yaml is applied: makes the /data folders it may mount that an older install did not
 * create (Tdarr's tdarr-cache, docs/decisions.md D34). Compose refuses a bind whose source is missing ("bind source
 * path does not exist"), and Docker a CIFS volume whose folder is missing, so a settings change or an update would
 * otherwise fail to recreate Tdarr. Existing folders are left as they are. Only with Tdarr on: on the data root, or
 * after "Migrate to NAS" on the target (nas-tdarr-cache.ts), which a migration made with Tdarr off, or before D34, left
 * without the folder. The vault gives a share target's NAS account.
 */
export async function ensureDataFolders(
  docker: Docker,
  cfg: StackConfig,
  vault: Pick<StackVault, 'get'>,
): Promise<void> {
  if (!cfg.services.tdarr) return;
  if (cfg.nas) return ensureNasTdarrCache(docker, cfg, vault);
  // The hardlink verdict was given at install; a folder that could not be made shows as compose's own refusal.
  await prepareData(docker, cfg);
}
