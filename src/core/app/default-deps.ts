// Production wiring of the App service's dependencies, shared by the CLI, the bridge and Electron main.
import { createDockerEndpoint } from '../engine/docker-endpoint';
import { detectCompose } from '../engine/compose-detect';
import { createKeytarVault } from '../vault/keytar-vault';
import type { AppDeps } from './app-service';
import { readInstallRoot, userConfigDir } from './install-pointer';

export const DEFAULT_PROJECT = 'ups';

export function defaultAppDeps(opts: { version: string; door: AppDeps['door']; env?: NodeJS.ProcessEnv }): AppDeps {
  const env = opts.env ?? process.env;
  const configDir = userConfigDir(env);
  return {
    version: opts.version,
    platform: process.platform,
    arch: process.arch,
    door: opts.door,
    // A test seam only: CI runs several stacks on one engine, each under its own project name.
    project: env.UPS_COMPOSE_PROJECT ?? DEFAULT_PROJECT,
    installRoot: () => readInstallRoot(configDir),
    endpoint: createDockerEndpoint(env),
    detectCompose: () => detectCompose(),
    vault: createKeytarVault(),
  };
}
