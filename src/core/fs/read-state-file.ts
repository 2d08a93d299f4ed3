// The one reader for the app's own JSON files (install pointer, wizard progress, plex client id, …): a missing file is
// "not there yet" (null); anything else that is wrong answers with the file's path, what is wrong and where, and a fix
// the user can perform. Nothing damaged is silently replaced or turned into an empty default.
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { UpsFailure } from '../contract/envelope';

export interface StateFileSpec<T> {
  /** Plain words for the file, e.g. "the record of where the stack is installed". */
  what: string;
  schema: z.ZodType<T>;
  /** What the user can do when the file is damaged, e.g. "Start setup again" or "Delete it and sign in again". */
  fix: string;
}

/** The position of a JSON.parse failure as "line L, column C" when the engine reports one. */
export function jsonErrorPosition(text: string, err: unknown): string | null {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  if (!m) return null;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

export async function readStateFile<T>(path: string, spec: StateFileSpec<T>): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    const why =
      code === 'EISDIR'
        ? 'a folder is in its place'
        : code === 'EACCES' || code === 'EPERM'
          ? 'the app may not read it'
          : `the system answered ${code ?? (err as Error).message}`;
    throw new UpsFailure({
      code: 'INTERNAL',
      message: `Cannot read ${spec.what} (${path}): ${why}.`,
      field: path,
      fix: spec.fix,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const at = jsonErrorPosition(text, err);
    throw new UpsFailure({
      code: 'BAD_INPUT',
      message: `${spec.what} (${path}) is damaged: it is not valid JSON${at ? ` at ${at}` : ''}.`,
      field: path,
      fix: spec.fix,
    });
  }
  const parsed = spec.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
    throw new UpsFailure({
      code: 'BAD_INPUT',
      message: `${spec.what} (${path}) is damaged${where}: ${issue?.message ?? 'unexpected content'}.`,
      field: path,
      fix: spec.fix,
    });
  }
  return parsed.data;
}
