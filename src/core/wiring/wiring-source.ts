// The production WiringSource: stack.yml from the install folder + passwords from the vault → the wiring to plan/apply/test.
import type { StackConfig } from '../contract';
import { readInstalledStack } from '../install/read-installed-stack';
import type { SecretName } from '../contract/secret-names';
import type { DownloadClientSecret } from './engine/client-password';
import { downloadClientWiring, type DownloadClientWiringOptions, type Wiring } from './engine/download-client-wiring';

/** What one build of the wiring must know beyond the stack and the vault. */
export interface WiringBuild {
  /** Download-client passwords just replaced: the apps answer stored passwords masked, so their download-client
   *  entries cannot show the difference and are written again with the vault's value. */
  replaced?: DownloadClientSecret[];
}

/** Builds the wiring for the installed stack; null while no stack is configured. Fresh clients on every call. */
export type WiringSource = (build?: WiringBuild) => Promise<Wiring | null>;

export interface StackWiringDeps {
  installRoot(): Promise<string | null>;
  vault: { get(name: SecretName): Promise<string | null> };
  options?: DownloadClientWiringOptions;
  /** Further halves of the wiring (the Arr/Plex/Seerr steps) built from the same config; appended after the download clients. */
  more?: ((cfg: StackConfig, build: WiringBuild) => Promise<Wiring>)[];
}

/** The installed stack's config through the install's one reader; null while nothing is installed. */
export async function installedStackOf(installRoot: () => Promise<string | null>): Promise<StackConfig | null> {
  const root = await installRoot();
  return root ? readInstalledStack(root) : null;
}

export function stackWiringSource(deps: StackWiringDeps): WiringSource {
  return async (build = {}) => {
    const cfg = await installedStackOf(deps.installRoot);
    if (!cfg) return null;
    const wiring = downloadClientWiring(
      cfg,
      {
        qbittorrentPassword: await deps.vault.get('qbittorrent.password'),
        nzbgetPassword: await deps.vault.get('nzbget.password'),
        usenetPassword: cfg.usenet ? await deps.vault.get('nzbget.server.password') : null,
      },
      deps.options,
    );
    for (const more of deps.more ?? []) {
      const part = await more(cfg, build);
      wiring.steps.push(...part.steps);
      wiring.links.push(...part.links);
    }
    return wiring;
  };
}
