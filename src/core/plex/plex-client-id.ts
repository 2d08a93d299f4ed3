// Which plex.tv client identifier this app uses: the per-user one (profile/plex-client-file.ts), shared by the sign-in,
// the install's claim and the wiring so plex.tv sees one device; stacks installed before that file existed keep the
// one derived from their install folder, so their stored sign-in stays the same device.
import { createHash } from 'node:crypto';
import type { StackConfig } from '../contract';
import { createPlexClientId, readPlexClientId } from '../profile/plex-client-file';

/** plex.tv lists sign-ins per client identifier, so it must be stable for an install and differ between installs. */
export function installDerivedPlexClientId(cfg: StackConfig): string {
  return `ups-${createHash('sha256').update(cfg.installRoot).digest('hex').slice(0, 20)}`;
}

export async function plexClientIdFor(configDir: string, installed: StackConfig | null): Promise<string | null> {
  return (await readPlexClientId(configDir)) ?? (installed ? installDerivedPlexClientId(installed) : null);
}

/** plexClientIdFor an installed stack, which always has one: what the wiring and the install's claim use. */
export async function installedPlexClientId(configDir: string, installed: StackConfig): Promise<string> {
  return (await readPlexClientId(configDir)) ?? installDerivedPlexClientId(installed);
}

/** As plexClientIdFor, but makes (and keeps) a random identifier when there is none yet: the sign-in before install. */
export async function ensurePlexClientId(configDir: string, installed: StackConfig | null): Promise<string> {
  return (await plexClientIdFor(configDir, installed)) ?? createPlexClientId(configDir);
}
