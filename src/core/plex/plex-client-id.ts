// The plex.tv client identifier of this app (X-Plex-Client-Identifier): one per user profile, known before any stack
// is installed so the wizard can sign in first, and the same one the wiring and the install's claim use afterwards.
// Kept in the per-user config dir (plex-client.json, atomic write): it identifies a device, it is not a secret, so it
// is never derived from one; plex.tv lists the app's sign-ins per identifier.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StackConfig } from '../contract';
import { writeFileAtomic } from '../fs/atomic-write';
import { plexClientId as legacyClientId } from '../wiring/steps/radarr-sonarr-stack-wiring';

export const PLEX_CLIENT_FILE = 'plex-client.json';
const ClientFileSchema = z.object({ clientId: z.string().regex(/^ups-[0-9a-f]{20}$/) });

/** null when no identifier was made yet; a damaged file is reported, not silently replaced (a new id is a new device). */
export async function readPlexClientId(configDir: string): Promise<string | null> {
  const path = join(configDir, PLEX_CLIENT_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = ClientFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path} is not valid (expected {"clientId":"ups-<20 hex>"}); delete it to let the app make a new one, then sign in to Plex again.`);
  return parsed.data.clientId;
}

/**
 * The identifier for plex.tv and the Plex server. Stacks installed before this file existed keep the one derived
 * from their install folder, so their stored sign-in stays the same device; nothing is written for them.
 */
export async function plexClientIdFor(configDir: string, installed: StackConfig | null): Promise<string | null> {
  return (await readPlexClientId(configDir)) ?? (installed ? legacyClientId(installed) : null);
}

/** plexClientIdFor an installed stack, which always has one: what the wiring and the install's claim use. */
export async function installedPlexClientId(configDir: string, installed: StackConfig): Promise<string> {
  return (await readPlexClientId(configDir)) ?? legacyClientId(installed);
}

/** As plexClientIdFor, but makes (and keeps) a random identifier when there is none yet: the sign-in before install. */
export async function ensurePlexClientId(configDir: string, installed: StackConfig | null): Promise<string> {
  const known = await plexClientIdFor(configDir, installed);
  if (known) return known;
  const clientId = `ups-${randomBytes(10).toString('hex')}`;
  await writeFileAtomic(join(configDir, PLEX_CLIENT_FILE), `${JSON.stringify({ clientId }, null, 2)}\n`);
  // Two first sign-ins at once both write; whichever rename came last is the identifier from now on.
  return (await readPlexClientId(configDir)) ?? clientId;
}
