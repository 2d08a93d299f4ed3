// Reads the installed stack.yml back: the one reader, with one error policy every caller shares. No file is "not
// installed" (null); a file that cannot be read or is not valid answers with its path, the field and the fix.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UpsFailure, type StackConfig } from '../contract';
import { STACK_FILE } from './install-layout';
import { parseStackFile } from './stack-file';

export function stackFilePath(installRoot: string): string {
  return join(installRoot, STACK_FILE);
}

export async function readInstalledStack(installRoot: string): Promise<StackConfig | null> {
  const file = stackFilePath(installRoot);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    const why =
      code === 'EISDIR' ? 'a folder is in its place' : `the system answered ${code ?? (err as Error).message}`;
    throw new UpsFailure({
      code: 'INTERNAL',
      message: `Cannot read the stack description ${file}: ${why}.`,
      field: STACK_FILE,
      fix: `Restore ${STACK_FILE} from the .backups folder beside it, or run setup again.`,
    });
  }
  const parsed = parseStackFile(text);
  if (parsed.ok) return parsed.value;
  const first = parsed.errors[0];
  throw new UpsFailure({
    code: 'BAD_INPUT',
    message: `The stack description ${file} is not valid${first?.field ? ` (${first.field})` : ''}: ${first?.message ?? 'unknown problem'}.`,
    field: first?.field ?? STACK_FILE,
    fix: first?.fix ?? `Correct ${file}, or restore it from the .backups folder beside it.`,
  });
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
