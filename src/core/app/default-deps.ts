// The composition root of the core: production defaults and every test switch are resolved here, once, from the
// environment; nothing below this file reads process.env. Shared by the CLI, the bridge and Electron main.
import { inheritedHostEnv } from '../engine/compose/host-env';
import { commandRunner, detectCompose, rememberFound } from '../engine/compose-detect';
import { createDockerEndpoint, type EngineSetting } from '../engine/docker-endpoint';
import { readEngineChoice } from '../profile/engine-choice';
import type { HostContext } from '../probes/host-context';
import { catalogDir } from '../stack/catalog-dir';
import { VAULT_SERVICE } from '../vault/secret-vault';
import { createKeytarVault } from '../vault/keytar-vault';
import { NORDVPN_API_URL } from '../vpn/nordvpn-api';
import { DEFAULT_EGRESS_URL, type AppDeps } from './app-deps';
import { chosenEndpoint, type EndpointResolution } from './chosen-endpoint';
import { profileFromEnv } from './door-profile';

// Kept here too: Electron main takes its log and its deps from this one module.
export { openDoorLog, profileFromEnv } from './door-profile';

export const DEFAULT_PROJECT = 'ups';
/** Test switches other processes set (the built CLI in tests): the recorded plex.tv fake and a Plex fake. */
export const PLEXTV_URL_ENV = 'UPS_PLEXTV_URL';
export const PLEX_URL_ENV = 'UPS_PLEX_URL';
/** The recorded NordVPN API fake for vpn.nordvpn.derive. */
export const NORDVPN_API_URL_ENV = 'UPS_NORDVPN_API_URL';

export function defaultAppDeps(opts: { version: string; door: AppDeps['door']; env?: NodeJS.ProcessEnv }): AppDeps {
  const env = opts.env ?? process.env;
  const profile = profileFromEnv(env);
  const installRoot = () => profile.readInstallRoot();
  const vault = createKeytarVault(env.UPS_VAULT_SERVICE || VAULT_SERVICE);
  // The UPS_DOCKER_* switches, else the engine the app was moved to (profile engine.json), else DOCKER_HOST/context.
  // A damaged engine.json fails the calls that use the engine, not the composition (see chosen-endpoint.ts).
  const endpoint = chosenEndpoint((): EndpointResolution => {
    const fromEnv = engineSettingFromEnv(env);
    const read = fromEnv ? { ok: true as const, choice: fromEnv } : readEngineChoice(profile.configDir);
    if (!read.ok) return read;
    return { ok: true, endpoint: createDockerEndpoint(env, process.platform, { setting: read.choice }) };
  });
  // The checks' machine and probes (every probe, the stack config's port list) load with the first check that needs
  // them: `ups status` must not build them (docs/decisions.md D31, bench cli-startup).
  let hostContext: Promise<HostContext> | undefined;
  const host = () =>
    (hostContext ??= import('../probes/host-context').then((m) => m.createHostContext(env, { installRoot })));
  const plex = {
    plexTvUrl: env[PLEXTV_URL_ENV] || undefined,
    plexUrl: env[PLEX_URL_ENV] || undefined,
    // Every call to a service goes where its published port answers: the engine's host (docs/decisions.md D14). Read
    // on use: the engine is resolved then (chosen-endpoint.ts).
    get serviceHost() {
      return endpoint.serviceHost;
    },
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
    host,
    probes: async () => (await import('../probes/env-check')).defaultProbes,
    engine: {
      vpnWatchIntervalMs: 60_000,
      egressUrl: DEFAULT_EGRESS_URL,
      composeEnv: {},
      hostEnv: inheritedHostEnv(env),
    },
    plex,
    nordvpn: { apiUrl: env[NORDVPN_API_URL_ENV] || NORDVPN_API_URL },
    // The wiring (every service client and step) is loaded the first time it is built, not for every door.
    wiring: async (build) =>
      (await import('./production-wiring')).productionWiring({
        installRoot,
        vault,
        plex,
        profile,
        serviceHost: endpoint.serviceHost,
      })(build),
    chain: async () =>
      (await import('./production-wiring')).productionChain({
        installRoot,
        vault,
        profile,
        docker: () => endpoint.docker,
      })(),
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
