// The production wiring: download clients plus the Arr/Plex/Seerr half, from the installed stack and the vault. Its
// own module so the composition loads the wiring only when a door first plans, applies or tests it.
import type { PlexEndpoints } from '../plex/plex-endpoints';
import { installedPlexClientId } from '../plex/plex-client-id';
import type { UserProfile } from '../profile/user-profile';
import type { SecretVault } from '../vault/secret-vault';
import { arrSideWiring } from '../wiring/steps/radarr-sonarr-stack-wiring';
import { stackWiringSource, type WiringSource } from '../wiring/wiring-source';

export function productionWiring(deps: {
  installRoot: () => Promise<string | null>;
  vault: SecretVault;
  plex: PlexEndpoints;
  profile: UserProfile;
}): WiringSource {
  return stackWiringSource({
    installRoot: deps.installRoot,
    vault: deps.vault,
    more: [
      arrSideWiring(deps.vault, {
        plexTvUrl: deps.plex.plexTvUrl,
        plexClientId: (cfg) => installedPlexClientId(deps.profile.configDir, cfg),
      }),
    ],
  });
}
