// After the files are written: /data layout + hardlink test, seeds, `compose up -d` through the engine's compose
// runner (secrets only in the child environment, redacted failures), then wait until healthy.
import type Docker from 'dockerode';
import { join } from 'node:path';
import type { ProgressEvent, StackConfig } from '../contract';
import { composePull } from '../engine/compose/pull';
import { composeUp } from '../engine/compose/up';
import { envVarFor, type SecretName } from '../contract/secret-names';
import { composeEnvValue } from '../vault/compose-env-value';
import type { GeneratedCompose } from './generate-compose';
import { COMPOSE_FILE } from './generate-stack';
import type { HardlinkResult } from '../probes/hardlink-result';
import { prepareData } from './data-folders';
import { ensureNasTdarrCache } from './nas-tdarr-cache';
import { seedStackVolumes } from './seed-stack';
import type { StackVault } from './stack-secrets';
import { waitUntilHealthy, type ServiceHealth } from './wait-healthy';

// The data step lives with its follow-up for regenerated files (data-folders.ts); callers import it from here too.
export { prepareData } from './data-folders';

export interface BringUpDeps {
  docker: Docker;
  composeCommand: string[];
  /** The host variables compose may inherit (see inheritedHostEnv). */
  hostEnv: Record<string, string>;
  /** The endpoint's DOCKER_HOST / TLS variables (DockerEndpoint.composeEnv): compose talks to the same engine. */
  engineEnv?: Record<string, string>;
  project: string;
  vault: StackVault;
  timeoutMs?: number;
  /** docs/decisions.md D13: one event per step, and one per change in the healthy count while waiting. */
  onProgress?: (p: ProgressEvent) => void;
  operationId?: string;
}

export interface BringUpResult {
  hardlink: HardlinkResult;
  seeded: string[];
  health: ServiceHealth[];
}

/** The compose variables of every secret the file references, read from the vault (only for the child env). */
export async function secretEnvFor(
  vault: StackVault,
  compose: Pick<GeneratedCompose, 'requiredSecrets' | 'optionalSecrets'>,
): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  const names: SecretName[] = [...compose.requiredSecrets, ...compose.optionalSecrets];
  for (const name of names) {
    const v = await vault.get(name);
    if (v !== null) env[envVarFor(name)] = composeEnvValue(name, v);
  }
  return env;
}

/** Services whose configured image is not on the engine yet (radarr, whose image the hardlink test borrows, is always one of them). */
export async function servicesWithMissingImages(
  docker: Docker,
  cfg: StackConfig,
  services: readonly string[],
): Promise<string[]> {
  const images = cfg.images as Record<string, string | undefined>;
  const missing: string[] = [];
  for (const s of services) {
    const ref = images[s];
    if (!ref) continue;
    try {
      await docker.getImage(ref).inspect();
    } catch {
      missing.push(s);
    }
  }
  return missing;
}

export async function bringUpStack(
  cfg: StackConfig,
  compose: GeneratedCompose,
  deps: BringUpDeps,
): Promise<BringUpResult> {
  const operationId = deps.operationId ?? `bring-up-${Date.now().toString(36)}`;
  const total = 3 + compose.services.length;
  const report = (step: string, current: number, message: string) =>
    deps.onProgress?.({ operationId, step, current, total, message });

  // Compose interpolates the whole file for every verb, pull included, so the secrets go in the child env of each.
  const secretEnv = await secretEnvFor(deps.vault, compose);
  const target = {
    compose: { available: true, command: deps.composeCommand },
    project: deps.project,
    file: join(cfg.installRoot, COMPOSE_FILE),
    secretEnv,
    hostEnv: deps.hostEnv,
    ...(deps.engineEnv ? { env: deps.engineEnv } : {}),
  };
  // A fresh PC has none of the images: the hardlink test and the seeds run one-shot containers from them, so pull
  // first — but only what is missing, so an offline machine with the images (and tests with stand-ins) never asks a registry.
  const missing = await servicesWithMissingImages(deps.docker, cfg, compose.services);
  if (missing.length) {
    report('pull', 0, `Downloading ${missing.length} image(s): ${missing.join(', ')}`);
    await composePull(target, missing, { operationId, expected: missing.length, onProgress: deps.onProgress });
  }
  report('data', 0, 'Creating the /data folders and testing hardlinks');
  const hardlink = await prepareData(deps.docker, cfg);
  if (!hardlink.ok)
    throw Object.assign(new Error(`${hardlink.detail} ${hardlink.explanation ?? ''} Fix: ${hardlink.fix ?? ''}`), {
      hardlink,
    });
  // After "Migrate to NAS" Tdarr's cache is mounted from the target, which a move made with Tdarr off left without it.
  await ensureNasTdarrCache(deps.docker, cfg, deps.vault);
  report('seed', 1, 'Writing first-start settings into the app volumes');
  const seeded = await seedStackVolumes(deps.docker, cfg, deps.project, deps.vault);
  report('up', 2, 'Starting the containers');
  await composeUp(target, []);
  let lastHealthy = -1;
  const health = await waitUntilHealthy(deps.docker, deps.project, compose.services, deps.timeoutMs, 1000, (states) => {
    const healthy = states.filter((s) => s.health === 'healthy').length;
    if (healthy !== lastHealthy)
      report('healthy', 3 + healthy, `${healthy} of ${compose.services.length} services healthy`);
    lastHealthy = healthy;
  });
  if (lastHealthy !== compose.services.length)
    report('healthy', total, `${compose.services.length} of ${compose.services.length} services healthy`);
  return { hardlink, seeded, health };
}
