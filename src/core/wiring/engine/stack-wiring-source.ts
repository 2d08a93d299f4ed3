// The production WiringSource: stack.yml from the install folder + passwords from the vault → the wiring to plan/apply/test.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UpsFailure, type StackConfig } from '../../contract';
import { parseStackFile, STACK_FILE } from '../../install/stack-file';
import type { SecretName } from '../../contract/secret-names';
import { downloadClientWiring, type DownloadClientWiringOptions, type Wiring } from './download-client-wiring';
import type { WiringSource } from './wiring-handlers';

export interface StackWiringDeps {
  installRoot(): Promise<string | null>;
  vault: { get(name: SecretName): Promise<string | null> };
  options?: DownloadClientWiringOptions;
  /** Further halves of the wiring (the Arr/Plex/Seerr steps) built from the same config; appended after the download clients. */
  more?: ((cfg: StackConfig) => Promise<Wiring>)[];
}

/** stack.yml of the install, validated; null while nothing is installed. Shared by wiring and Plex sign-in. */
export async function readInstalledStack(installRoot: () => Promise<string | null>): Promise<StackConfig | null> {
  const root = await installRoot();
  if (!root) return null;
  let text: string;
  try {
    text = await readFile(join(root, STACK_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = parseStackFile(text);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new UpsFailure({ code: 'BAD_INPUT', message: `${STACK_FILE} is not valid: ${first?.message ?? 'unknown problem'}`, field: first?.field, fix: first?.fix ?? `Correct ${join(root, STACK_FILE)}.` });
  }
  return parsed.value;
}

export function stackWiringSource(deps: StackWiringDeps): WiringSource {
  return async () => {
    const cfg = await readInstalledStack(deps.installRoot);
    if (!cfg) return null;
    const wiring = downloadClientWiring(
      cfg,
      { qbittorrentPassword: await deps.vault.get('qbittorrent.password'), nzbgetPassword: await deps.vault.get('nzbget.password') },
      deps.options,
    );
    for (const build of deps.more ?? []) {
      const part = await build(cfg);
      wiring.steps.push(...part.steps);
      wiring.links.push(...part.links);
    }
    return wiring;
  };
}
