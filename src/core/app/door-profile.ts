// The per-user profile and a door's log file, resolved from the environment without the rest of the composition:
// every CLI command opens its log first, and loading default-deps (the whole core) for that alone cost `ups status`
// most of its start-up (bench cli-startup). Like default-deps, the one other place in src/core that reads the
// environment, and only for the switches listed here.
import { createLineLog, type LineLog } from '../log/line-log';
import { logFilePath, type LogDoor } from '../log/log-file';
import { platformConfigDir, userProfile, type UserProfile } from '../profile/user-profile';

/**
 * The switches tests (and power users) set. Each is read here or in default-deps only:
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
 *   tcp:// host with TLS (read in default-deps.ts engineSettingFromEnv).
 */
export function profileFromEnv(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): UserProfile {
  const configDir = env.UPS_CONFIG_DIR || platformConfigDir(env, platform);
  return userProfile(configDir, env.UPS_MIGRATE_STATE_DIR ? { migrateStateDir: env.UPS_MIGRATE_STATE_DIR } : {});
}

/** Where a door's log goes and at which level: what the line log and a door's pino logger (the bridge's) open. */
export function doorLogSetup(door: LogDoor, env: NodeJS.ProcessEnv = process.env) {
  return { configDir: profileFromEnv(env).configDir, door, level: env.UPS_LOG_LEVEL || undefined };
}

/** A door's log file in the per-user profile (logs/<door>.log), written without pino (log/line-log.ts). */
export function openDoorLog(door: LogDoor, env: NodeJS.ProcessEnv = process.env): LineLog {
  const { configDir, level } = doorLogSetup(door, env);
  return createLineLog({ path: logFilePath(configDir, door), name: `ups-${door}`, ...(level ? { level } : {}) });
}
