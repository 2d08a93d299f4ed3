// The one reader for the app's own files (install pointer, stack.yml, wizard progress, plex client id, migration
// record and journal, update history, VPN watch record, preferences): a missing file is "not there yet" (null);
// anything else that is wrong answers with the file's path, what is wrong and where, and a fix the user can perform.
// Nothing damaged is silently replaced or turned into an empty default: `setAsideDamaged` keeps it beside the original
// under `<name>.corrupt-<time>`, and runs only when the user chose that fix.
import { readFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { UpsFailure } from '../contract/envelope';
import type { FixAction } from '../contract/fix-action';

export interface StateFileSpec<T> {
  /** Plain words for the file, e.g. "the record of where the stack is installed". */
  what: string;
  schema: z.ZodType<T>;
  /** What the user can do when the file is damaged, e.g. "Start setup again" or "Delete it and sign in again". */
  fix: string;
  /** The same fix as something a door performs (a button, a command line). */
  action?: FixAction;
}

/** What a text parser answers for one file: the value, or what is wrong and where (a line, a field). */
export type StateParse<T> = { ok: true; value: T } | { ok: false; message: string; where?: string };

/** The position of a JSON.parse failure as "line L, column C" when the engine reports one. */
export function jsonErrorPosition(text: string, err: unknown): string | null {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  if (!m) return null;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** A damaged-file failure: the path in the message and in `field`, so every door shows which file it is. */
export function damagedFile(
  path: string,
  what: string,
  why: string,
  fix: string,
  where?: string,
  action?: FixAction,
): UpsFailure {
  const at = where ? ` at "${where}"` : '';
  return new UpsFailure({
    code: 'BAD_INPUT',
    message: `${what} (${path}) is damaged${at}: ${why}.`,
    field: path,
    fix,
    ...(action ? { action } : {}),
  });
}

/** The failure for a state file that exists but cannot be read: a folder in its place, a refused read. */
export function unreadableFile(path: string, what: string, fix: string, err: unknown, action?: FixAction): UpsFailure {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'EISDIR'
      ? 'a folder is in its place'
      : code === 'EACCES' || code === 'EPERM'
        ? 'the app may not read it'
        : code === 'ENOTDIR'
          ? 'a file is in the place of one of its folders'
          : `the system answered ${code ?? (err as Error).message}`;
  return new UpsFailure({
    code: 'INTERNAL',
    message: `Cannot read ${what} (${path}): ${why}.`,
    field: path,
    fix,
    ...(action ? { action } : {}),
  });
}

/** The raw text of a state file; null when it does not exist; a folder in its place or a refused read is named. */
export async function readStateText(
  path: string,
  what: string,
  fix: string,
  action?: FixAction,
): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw unreadableFile(path, what, fix, err, action);
  }
}

/** JSON text → value checked by `schema`, or what is wrong and where. */
export function parseJsonState<T>(text: string, schema: z.ZodType<T>): StateParse<T> {
  if (text.trim() === '') return { ok: false, message: 'it is empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const at = jsonErrorPosition(text, err);
    return { ok: false, message: `it is not valid JSON${at ? ` at ${at}` : ' (it ends too early)'}` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  return {
    ok: false,
    message: issue?.message ?? 'unexpected content',
    ...(where ? { where } : {}),
  };
}

/** Reads a state file with any text parser (JSON, YAML, JSON lines) under the one error policy. */
export async function readStateFileWith<T>(
  path: string,
  what: string,
  fix: string,
  parse: (text: string) => StateParse<T>,
  action?: FixAction,
): Promise<T | null> {
  const text = await readStateText(path, what, fix, action);
  if (text === null) return null;
  const r = parse(text);
  if (r.ok) return r.value;
  throw damagedFile(path, what, r.message, fix, r.where, action);
}

export async function readStateFile<T>(path: string, spec: StateFileSpec<T>): Promise<T | null> {
  return readStateFileWith(path, spec.what, spec.fix, (text) => parseJsonState(text, spec.schema), spec.action);
}

/** `wizard.json` → `wizard.json.corrupt-2026-01-01T10-00-00-000Z` (sorts by time, no colons for Windows). */
export function corruptName(path: string, now: Date = new Date()): string {
  return join(dirname(path), `${basename(path)}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`);
}

/**
 * The "set the damaged file aside" fix: renames it (never deletes it) and answers the new path, or null when there is
 * nothing there. Callers run it only when the user chose that fix, and say where the file went.
 */
export async function setAsideDamaged(path: string, now: Date = new Date()): Promise<string | null> {
  try {
    await stat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let dest = corruptName(path, now);
  for (
    let i = 1;
    await stat(dest).then(
      () => true,
      () => false,
    );
    i++
  )
    dest = `${corruptName(path, now)}-${i}`;
  await rename(path, dest);
  return dest;
}

/** True when reading `path` fails because the file is damaged (not when it is missing or fine). */
export async function isDamaged<T>(path: string, spec: StateFileSpec<T>): Promise<boolean> {
  try {
    await readStateFile(path, spec);
    return false;
  } catch (err) {
    return err instanceof UpsFailure;
  }
}
