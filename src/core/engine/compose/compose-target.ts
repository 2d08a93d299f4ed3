// Resolves what a compose run needs — compose variant, the install root's file, the vault's secrets — or fails
// with an envelope error and a fix before anything runs.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComposeFacts } from '../../contract';
import { UpsFailure } from '../../contract';
import { requireInstallRoot } from '../../install/not-installed';
import { envVarFor, secretNames } from '../../contract/secret-names';
import { composeEnvValue } from '../../vault/compose-env-value';
import type { SecretVault } from '../../vault/secret-vault';
import { toVaultError } from '../../vault/vault-errors';
import type { DockerEndpoint } from '../docker-endpoint';
import { endpointTimeoutMs, engineUnreachable, withTimeout } from '../docker-facts';
import type { ComposeTarget } from './compose-runner';

import { COMPOSE_FILE } from '../../install/install-layout';

export { COMPOSE_FILE };

export interface TargetDeps {
  project: string;
  platform: NodeJS.Platform;
  endpoint: DockerEndpoint;
  installRoot(): Promise<string | null>;
  detectCompose(): Promise<ComposeFacts>;
  vault: SecretVault;
  /** Extra non-secret variables for compose (a test seam: the fixture stack picks some images from them). */
  composeEnv?: Record<string, string>;
  /** The host variables compose may inherit (PATH, DOCKER_*…), picked once by the composition. */
  hostEnv: Record<string, string>;
}

/** The compose command line to run, or a plain failure when neither Compose v2 nor v1 was found. */
export function composeCommand(facts: ComposeFacts): string[] {
  if (!facts.available || !facts.command?.length) {
    throw new UpsFailure({ code: 'COMPOSE_MISSING', message: 'Docker Compose was not found (neither `docker compose` nor `docker-compose`).', fix: 'Install Docker Desktop (it includes Compose v2).' });
  }
  return facts.command;
}

export async function assertEngine(deps: Pick<TargetDeps, 'endpoint' | 'platform'>): Promise<void> {
  try {
    await withTimeout(deps.endpoint.docker.ping(), Math.max(5000, endpointTimeoutMs(deps.endpoint)));
  } catch (err) {
    throw engineUnreachable(deps.endpoint, deps.platform, err);
  }
}

/**
 * Every stored secret as its compose variable; missing ones are simply absent (compose's `:?` names them and
 * classifyComposeFailure turns that into a "set it" fix). A vault that cannot be read at all is said so here, with
 * its own fix, instead of surfacing later as a missing value.
 */
export async function readSecretEnv(
  vault: SecretVault,
  platform: NodeJS.Platform = process.platform,
): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const name of secretNames) {
    let v: string | null;
    try {
      v = await vault.get(name);
    } catch (err) {
      throw toVaultError(err, vault.backend, platform);
    }
    if (v) env[envVarFor(name)] = composeEnvValue(name, v);
  }
  return env;
}

export async function resolveTarget(deps: TargetDeps): Promise<ComposeTarget> {
  const root = await requireInstallRoot(deps.installRoot);
  const file = join(root, COMPOSE_FILE);
  try {
    await access(file);
  } catch {
    throw new UpsFailure({ code: 'NOT_FOUND', message: `The stack's compose file is missing: ${file}.`, field: 'installRoot', fix: 'Re-run setup to regenerate the stack files, or point the app at the right install folder.' });
  }
  const compose = await deps.detectCompose();
  const command = composeCommand(compose);
  await assertEngine(deps);
  // The endpoint's DOCKER_HOST (and TLS variables) reach compose too, so the CLI and the app talk to the same engine.
  const env: Record<string, string> = { ...deps.composeEnv, ...deps.endpoint.composeEnv };
  return { compose: { ...compose, command }, project: deps.project, file, secretEnv: await readSecretEnv(deps.vault, deps.platform), hostEnv: deps.hostEnv, env };
}
