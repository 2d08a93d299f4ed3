// The per-user profile: the one owner of the files the app keeps for this user outside any install (the install
// pointer, wizard progress, the plex.tv client id, the migration state folder, the door logs). Paths are decided once,
// in the composition, and handed down; nothing below reads the environment.
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';
import { settleInterruptedWrite } from '../fs/install-writer';
import { readStateFile, type StateFileSpec } from '../fs/read-state-file';

export const INSTALL_POINTER_FILE = 'install.json';
export const InstallPointerSchema = z.object({ installRoot: z.string().min(1) });

export interface UserProfile {
  configDir: string;
  /** Where a NAS migration keeps its plan, state and journal. */
  migrateStateDir: string;
  /** Where the doors' log files go. */
  logsDir: string;
  /** The folder of the installed stack, or null when nothing is installed yet; a damaged pointer is reported. */
  readInstallRoot(): Promise<string | null>;
  /** Records (atomically) which folder holds the stack. */
  recordInstallRoot(installRoot: string): Promise<void>;
}

/** The per-user config folder the platform expects (AppData\Roaming on Windows, XDG config elsewhere). */
export function platformConfigDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Ultimate Plex Stack');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'ultimate-plex-stack');
}

export function installPointerFile(configDir: string): string {
  return join(configDir, INSTALL_POINTER_FILE);
}

export const installPointerSpec: StateFileSpec<z.infer<typeof InstallPointerSchema>> = {
  what: 'The record of where the stack is installed',
  schema: InstallPointerSchema,
  fix: `Start setup again and choose the same install folder: the stack there is kept, the record is rewritten and the damaged one is kept beside it as ${INSTALL_POINTER_FILE}.corrupt-<time>.`,
  action: { action: 'setup.start', input: {}, label: 'Start setup again' },
};

/** The installed stack's folder; an install write a crash interrupted there is rolled back first (decisions.md D30). */
export async function readInstallRoot(configDir: string): Promise<string | null> {
  const pointer = await readStateFile(installPointerFile(configDir), installPointerSpec);
  if (!pointer) return null;
  // The rollback may put back the previous pointer (an install into another folder): read it again then.
  if (await settleInterruptedWrite(pointer.installRoot).catch(() => false)) return readInstallRoot(configDir);
  return pointer.installRoot;
}

/** The pointer's content for a write set (the install writer puts it in the same generation as stack.yml). */
export function installPointerContent(installRoot: string): string {
  return `${JSON.stringify({ installRoot }, null, 2)}\n`;
}

export async function recordInstallRoot(configDir: string, installRoot: string): Promise<void> {
  await writeFileAtomic(installPointerFile(configDir), installPointerContent(installRoot));
}

export function userProfile(configDir: string, opts: { migrateStateDir?: string } = {}): UserProfile {
  return {
    configDir,
    migrateStateDir: opts.migrateStateDir ?? join(configDir, 'migrate'),
    logsDir: join(configDir, 'logs'),
    readInstallRoot: () => readInstallRoot(configDir),
    recordInstallRoot: (root) => recordInstallRoot(configDir, root),
  };
}
