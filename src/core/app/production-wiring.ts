// The production wiring: download clients plus the Arr/Plex/Seerr half, from the installed stack and the vault. Its
// own module so the composition loads the wiring only when a door first plans, applies or tests it.
import type { PlexEndpoints } from '../plex/plex-endpoints';
import { installedPlexClientId } from '../plex/plex-client-id';
import type { UserProfile } from '../profile/user-profile';
import type { SecretVault } from '../vault/secret-vault';
import { arrSideWiring } from '../wiring/steps/radarr-sonarr-stack-wiring';
import { stackWiringSource, type WiringSource } from '../wiring/wiring-source';
import { stackChainSource, type ChainSource } from '../wiring/chain/stack-chain';
import { readInstalledStack } from '../install/read-installed-stack';
import type Docker from 'dockerode';

export function productionWiring(deps: {
  installRoot: () => Promise<string | null>;
  vault: SecretVault;
  plex: PlexEndpoints;
  profile: UserProfile;
  /** Where the services' published ports answer: the engine's host (docs/decisions.md D14). */
  serviceHost?: string;
}): WiringSource {
  return stackWiringSource({
    installRoot: deps.installRoot,
    vault: deps.vault,
    ...(deps.serviceHost ? { options: { host: deps.serviceHost } } : {}),
    more: [
      arrSideWiring(deps.vault, {
        ...(deps.serviceHost ? { host: deps.serviceHost } : {}),
        plexTvUrl: deps.plex.plexTvUrl,
        plexClientId: (cfg) => installedPlexClientId(deps.profile.configDir, cfg),
      }),
    ],
  });
}

/** The chain check (chain.check) of the installed stack: the same stack file, vault and engine as the wiring. */
export function productionChain(deps: {
  installRoot: () => Promise<string | null>;
  vault: SecretVault;
  profile: UserProfile;
  docker: () => Docker;
}): ChainSource {
  return stackChainSource({
    installRoot: deps.installRoot,
    readStack: readInstalledStack,
    vault: deps.vault,
    docker: deps.docker,
    plexClientId: (cfg) => installedPlexClientId(deps.profile.configDir, cfg),
  });
}
