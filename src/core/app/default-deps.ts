// The composition root of the core: production defaults and every test switch are resolved here, once, from the
// environment; nothing below this file reads process.env. Shared by the CLI, the bridge and Electron main.
import { inheritedHostEnv } from '../engine/compose/compose-runner';
import { commandRunner, detectCompose, rememberFound } from '../engine/compose-detect';
import { createDockerEndpoint, type EngineSetting } from '../engine/docker-endpoint';
import { createFileLogger, type LogDoor } from '../log/file-logger';
import type { Logger } from '../log/logger';
import { arrSideWiring } from '../wiring/steps/radarr-sonarr-stack-wiring';
import { installedPlexClientId } from '../plex/plex-client-id';
import { defaultProbes } from '../probes/env-check';
import { createHostContext } from '../probes/host-context';
import { platformConfigDir, userProfile, type UserProfile } from '../profile/user-profile';
import { catalogDir } from '../stack/catalog';
import { VAULT_SERVICE } from '../vault/secret-vault';
import { createKeytarVault } from '../vault/keytar-vault';
import { stackWiringSource } from '../wiring/wiring-source';
import { NORDVPN_API_URL } from '../vpn/nordvpn-credentials';
import { DEFAULT_EGRESS_URL, type AppDeps } from './app-deps';

export const DEFAULT_PROJECT = 'ups';
/** Test switches other processes set (the built CLI in tests): the recorded plex.tv fake and a Plex fake. */
export const PLEXTV_URL_ENV = 'UPS_PLEXTV_URL';
export const PLEX_URL_ENV = 'UPS_PLEX_URL';
/** The recorded NordVPN API fake for vpn.nordvpn.derive. */
export const NORDVPN_API_URL_ENV = 'UPS_NORDVPN_API_URL';

/**
 * The switches tests (and power users) set. Each is read here only:
 * - UPS_CONFIG_DIR: the per-user profile folder (tests give each run its own);
 * - UPS_MIGRATE_STATE_DIR: where a NAS migration keeps its state;
 * - UPS_COMPOSE_PROJECT: the compose project name (CI runs several stacks on one engine);
 * - UPS_VAULT_SERVICE: the keyring service name (parallel suites share one keyring);
 * - UPS_PLEXTV_URL / UPS_PLEX_URL: the recorded plex.tv fake / a Plex fake instead of the stand-in container;
 * - UPS_NORDVPN_API_URL: the recorded NordVPN API fake instead of https://api.nordvpn.com;
 * - UPS_CATALOG_DIR: another service catalog folder;
 * - UPS_LOG_LEVEL: the log level of the doors' log files;
 * - UPS_CHECK_PORTS, UPS_DATA_PATH: read by the host context the environment checks use;
 * - UPS_DOCKER_CONTEXT / UPS_DOCKER_HOST: the explicit engine choice, which wins over DOCKER_HOST and the current
 *   Docker context (engine/docker-endpoint.ts resolveEngine); UPS_DOCKER_TLS_VERIFY=1 + UPS_DOCKER_CERT_PATH for a
 *   tcp:// host with TLS.
 */
export function profileFromEnv(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): UserProfile {
  const configDir = env.UPS_CONFIG_DIR || platformConfigDir(env, platform);
  return userProfile(configDir, env.UPS_MIGRATE_STATE_DIR ? { migrateStateDir: env.UPS_MIGRATE_STATE_DIR } : {});
}

export function defaultAppDeps(opts: { version: string; door: AppDeps['door']; env?: NodeJS.ProcessEnv }): AppDeps {
  const env = opts.env ?? process.env;
  const profile = profileFromEnv(env);
  const installRoot = () => profile.readInstallRoot();
  const vault = createKeytarVault(env.UPS_VAULT_SERVICE || VAULT_SERVICE);
  const endpoint = createDockerEndpoint(env, process.platform, { setting: engineSettingFromEnv(env) });
  // Every call to a service goes where its published port answers: the engine's host (docs/decisions.md D14).
  const serviceHost = endpoint.serviceHost;
  const plex = {
    plexTvUrl: env[PLEXTV_URL_ENV] || undefined,
    plexUrl: env[PLEX_URL_ENV] || undefined,
    serviceHost,
  };
  return {
    version: opts.version,
    platform: process.platform,
    arch: process.arch,
    door: opts.door,
    project: env.UPS_COMPOSE_PROJECT || DEFAULT_PROJECT,
    profile,
    installRoot,
    endpoint,
    detectCompose: rememberFound(() => detectCompose(commandRunner(env))),
    vault,
    catalogDir: env.UPS_CATALOG_DIR || catalogDir(),
    host: createHostContext(env, { installRoot }),
    probes: defaultProbes,
    engine: {
      vpnWatchIntervalMs: 60_000,
      egressUrl: DEFAULT_EGRESS_URL,
      composeEnv: {},
      hostEnv: inheritedHostEnv(env),
    },
    plex,
    nordvpn: { apiUrl: env[NORDVPN_API_URL_ENV] || NORDVPN_API_URL },
    wiring: stackWiringSource({
      installRoot,
      vault,
      options: { host: serviceHost },
      more: [
        arrSideWiring(vault, {
          host: serviceHost,
          plexTvUrl: plex.plexTvUrl,
          plexClientId: (cfg) => installedPlexClientId(profile.configDir, cfg),
        }),
      ],
    }),
    migrate: {},
    desktop: {},
  };
}

/** The explicit engine choice, if any (see the switches above). */
export function engineSettingFromEnv(env: NodeJS.ProcessEnv): EngineSetting | undefined {
  if (env.UPS_DOCKER_CONTEXT) return { context: env.UPS_DOCKER_CONTEXT };
  if (!env.UPS_DOCKER_HOST) return undefined;
  return {
    host: env.UPS_DOCKER_HOST,
    ...(env.UPS_DOCKER_TLS_VERIFY ? { tlsVerify: env.UPS_DOCKER_TLS_VERIFY === '1' } : {}),
    ...(env.UPS_DOCKER_CERT_PATH ? { certPath: env.UPS_DOCKER_CERT_PATH } : {}),
  };
}

/** A door's log file in the per-user profile (logs/<door>.log). */
export function openDoorLog(door: LogDoor, env: NodeJS.ProcessEnv = process.env): Logger {
  return createFileLogger({ configDir: profileFromEnv(env).configDir, door, level: env.UPS_LOG_LEVEL || undefined })
    .log;
}
