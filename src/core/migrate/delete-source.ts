// Deletes the local copy after a verified switch: only files the journal proves are on the target, unchanged since,
// are removed; anything else is kept and listed. Empty folders are then pruned (the data root itself stays).
import { lstat, opendir, rm, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { sameVersion } from './copy-file';
import type { JournalState } from './journal';
import { resolveRel } from '../fs/target-path';

export interface DeleteReport {
  deleted: number;
  kept: string[];
}

export async function deleteVerifiedSource(
  source: string,
  target: string,
  sub: string,
  journal: JournalState,
): Promise<DeleteReport> {
  const kept: string[] = [];
  let deleted = 0;
  for (const [rel, rec] of journal.files) {
    const src = resolveRel(source, rel);
    const [s, t] = await Promise.all([lstat(src).catch(() => null), lstat(resolveRel(target, rel)).catch(() => null)]);
    if (!s) continue;
    if (!t || t.size !== rec.s || !sameVersion({ size: rec.s, mtimeMs: rec.m, ctimeMs: rec.c }, s)) {
      kept.push(rel);
      continue;
    }
    await unlink(src);
    deleted++;
  }
  for (const rel of [...journal.links.keys(), ...journal.symlinks.keys()]) {
    const t = await lstat(resolveRel(target, rel)).catch(() => null);
    if (!t) {
      kept.push(rel);
      continue;
    }
    await rm(resolveRel(source, rel), { force: true });
    deleted++;
  }
  await pruneEmpty(sub ? path.join(source, sub) : source, !sub);
  return { deleted, kept };
}

async function pruneEmpty(dir: string, keepSelf: boolean): Promise<boolean> {
  let empty = true;
  for await (const e of await opendir(dir)) {
    if (e.isDirectory() && (await pruneEmpty(path.join(dir, e.name), false))) continue;
    empty = false;
  }
  if (empty && !keepSelf) await rmdir(dir).catch(() => undefined);
  return empty;
}
