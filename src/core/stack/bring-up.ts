// After the files are written: /data layout + hardlink test, seeds, `compose up -d`, wait until healthy.
// Calls compose through compose-cli.ts until the engine's compose runner (issue 5) takes over this step.
import type Docker from 'dockerode';
import type { StackConfig } from '../contract';
import { envVarFor, type SecretName } from '../vault/secret-names';
import { runStackCompose } from './compose-cli';
import type { GeneratedCompose } from './generate-compose';
import { runHardlinkTest } from './hardlink-test';
import type { HardlinkResult } from './hardlink-result';
import { seedStackVolumes } from './seed-stack';
import type { StackVault } from './stack-secrets';
import { waitUntilHealthy, type ServiceHealth } from './wait-healthy';

export interface BringUpDeps {
  docker: Docker;
  composeCommand: string[];
  project: string;
  vault: StackVault;
  timeoutMs?: number;
}

export interface BringUpResult {
  hardlink: HardlinkResult;
  seeded: string[];
  health: ServiceHealth[];
}

/** The compose variables of every secret the file references, read from the vault (only for the child env). */
export async function secretEnvFor(vault: StackVault, compose: Pick<GeneratedCompose, 'requiredSecrets' | 'optionalSecrets'>): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  const names: SecretName[] = [...compose.requiredSecrets, ...compose.optionalSecrets];
  for (const name of names) {
    const v = await vault.get(name);
    if (v !== null) env[envVarFor(name)] = v;
  }
  return env;
}

export async function prepareData(docker: Docker, cfg: StackConfig): Promise<HardlinkResult> {
  return runHardlinkTest(docker, { image: cfg.images.radarr, mounts: [{ source: cfg.dataRoot, target: '/data' }], puid: cfg.puid, pgid: cfg.pgid });
}

export async function bringUpStack(cfg: StackConfig, compose: GeneratedCompose, deps: BringUpDeps): Promise<BringUpResult> {
  const hardlink = await prepareData(deps.docker, cfg);
  if (!hardlink.ok) throw Object.assign(new Error(`${hardlink.detail} ${hardlink.explanation ?? ''} Fix: ${hardlink.fix ?? ''}`), { hardlink });
  const seeded = await seedStackVolumes(deps.docker, cfg, deps.project, deps.vault);
  const secretEnv = await secretEnvFor(deps.vault, compose);
  const up = await runStackCompose({ command: deps.composeCommand, project: deps.project, installRoot: cfg.installRoot, secretEnv }, ['up', '-d']);
  if (up.exitCode !== 0) {
    let out = `${up.stdout}\n${up.stderr}`;
    for (const v of Object.values(secretEnv)) out = out.split(v).join('«redacted»');
    throw new Error(`compose up failed (${up.exitCode}): ${out.trim().split('\n').slice(-5).join(' | ')}`);
  }
  const health = await waitUntilHealthy(deps.docker, deps.project, compose.services, deps.timeoutMs);
  return { hardlink, seeded, health };
}
