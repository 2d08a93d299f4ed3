// plex-client.json in the per-user profile: the plex.tv client identifier (X-Plex-Client-Identifier) of this app,
// made once so the wizard can sign in before any stack exists. It identifies a device, it is not a secret.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';
import { readStateFile } from '../fs/read-state-file';

export const PLEX_CLIENT_FILE = 'plex-client.json';
const ClientFileSchema = z.object({
  clientId: z.string().regex(/^ups-[0-9a-f]{20}$/, 'expected "ups-" and 20 hex digits'),
});

/** null when no identifier was made yet; a damaged file is reported, not silently replaced (a new id is a new device). */
export async function readPlexClientId(configDir: string): Promise<string | null> {
  const file = await readStateFile(join(configDir, PLEX_CLIENT_FILE), {
    what: 'The Plex device identifier of this app',
    schema: ClientFileSchema,
    fix: 'Set that file aside (it is kept, renamed) to let the app make a new identifier, then sign in to Plex again.',
    action: { action: 'file.setAside', input: { file: 'plexClientId' }, label: 'Set the damaged file aside' },
  });
  return file?.clientId ?? null;
}

/** Makes and keeps a random identifier; two first sign-ins at once both write, and the last rename wins for both. */
export async function createPlexClientId(configDir: string): Promise<string> {
  const clientId = `ups-${randomBytes(10).toString('hex')}`;
  await writeFileAtomic(join(configDir, PLEX_CLIENT_FILE), `${JSON.stringify({ clientId }, null, 2)}\n`);
  return (await readPlexClientId(configDir)) ?? clientId;
}
