// Reads the installed stack.yml back through the one state-file reader: no file is "not installed" (null); a file that
// cannot be read or is not valid answers with its path, the field and the fix (restore the previous version kept in
// .backups, or start setup again). An install write interrupted by a crash is settled first (docs/decisions.md D30).
import { join } from 'node:path';
import type { FixAction, StackConfig } from '../contract';
import { readStateFileWith } from '../fs/read-state-file';
import { BACKUPS_DIR, STACK_FILE } from './install-layout';
import { settleInterruptedWrite } from '../fs/install-writer';
import { parseStackFile } from './stack-file';

export function stackFilePath(installRoot: string): string {
  return join(installRoot, STACK_FILE);
}

/** The fix for a damaged file of the install set: the previous versions live in `.backups` beside it. */
export function installFileFix(installRoot: string): string {
  return `Restore the previous version from ${join(installRoot, BACKUPS_DIR)}, or start setup again with the same install folder.`;
}

/** The damaged stack file's fix: the previous generation from .backups (the door asks before it overwrites). */
const RESTORE_PREVIOUS: FixAction = {
  action: 'install.restorePrevious',
  input: {},
  label: 'Restore the previous version',
};

export async function readInstalledStack(installRoot: string): Promise<StackConfig | null> {
  await settleInterruptedWrite(installRoot);
  const file = stackFilePath(installRoot);
  return readStateFileWith(
    file,
    'The stack description',
    installFileFix(installRoot),
    (text) => {
      const parsed = parseStackFile(text);
      if (parsed.ok) return parsed;
      const first = parsed.errors[0];
      // validate-config names YAML problems by line ("line 3: …") and schema problems by field.
      const field = first?.field && first.field !== STACK_FILE ? first.field : undefined;
      return {
        ok: false,
        message: (first?.message ?? 'unknown problem').replace(/\.$/, ''),
        ...(field ? { where: field } : {}),
      };
    },
    RESTORE_PREVIOUS,
  );
}

/** For callers that must go on without a stack (e.g. a check that falls back elsewhere): the reason instead of a throw. */
export async function tryReadInstalledStack(
  installRoot: string,
): Promise<{ config: StackConfig | null; problem?: string }> {
  try {
    return { config: await readInstalledStack(installRoot) };
  } catch (err) {
    return { config: null, problem: err instanceof Error ? err.message : String(err) };
  }
}
