// The "restore the previous version" fix of a damaged stack file: puts back the newest backup whose stack.yml reads,
// as one generation through the install writer (the files it replaces become a backup themselves, so it can be undone).
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UpsFailure, type RestorePreviousResult } from '../contract';
import { BACKUPS_DIR, listBackups, restoreBackup } from '../fs/install-writer';
import { STACK_FILE } from './install-layout';
import { parseStackFile } from './stack-file';

/** Backups newest first; one without a readable stack.yml (damaged before it was backed up) is passed over. */
export async function restorePreviousVersion(root: string): Promise<RestorePreviousResult> {
  const stamps = (await listBackups(root)).reverse();
  for (const stamp of stamps) {
    const text = await readFile(join(root, BACKUPS_DIR, stamp, STACK_FILE), 'utf8').catch(() => null);
    if (text === null || !parseStackFile(text).ok) continue;
    const report = await restoreBackup(root, stamp);
    return { restored: stamp, keptAs: report.backup ? basename(report.backup) : null };
  }
  throw new UpsFailure({
    code: 'NOT_FOUND',
    message: `No readable previous version of the stack files is kept in ${join(root, BACKUPS_DIR)}.`,
    fix: 'Start setup again with the same install folder: your media and the apps’ settings there are kept.',
    action: { action: 'setup.start', input: {}, label: 'Start setup again' },
  });
}
