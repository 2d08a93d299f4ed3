// Where the app remembers which folder holds the stack: a tiny JSON file in the per-user config dir, validated on read.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const InstallPointerSchema = z.object({ installRoot: z.string().min(1) });

export function userConfigDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.UPS_CONFIG_DIR) return env.UPS_CONFIG_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Ultimate Plex Stack');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'ultimate-plex-stack');
}

/** null when nothing is installed yet; a corrupt pointer is reported rather than silently ignored. */
export async function readInstallRoot(configDir: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(join(configDir, 'install.json'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = InstallPointerSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${join(configDir, 'install.json')} is not valid: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
  return parsed.data.installRoot;
}
