// Walks the source library into a sorted list of entries (files, folders, symlinks) with the facts copy and resume need.
import { lstat, opendir } from 'node:fs/promises';
import path from 'node:path';
import { TDARR_CACHE_FOLDER } from '../stack/data-layout';

export interface ScanEntry {
  /** '/'-separated path relative to the data root. */
  rel: string;
  kind: 'file' | 'dir' | 'symlink';
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  mode: number;
  dev: number;
  ino: number;
  nlink: number;
}

export interface ScanResult {
  entries: ScanEntry[];
  files: number;
  bytes: number;
  /** Groups of rel paths that are one inode (hardlinks), first = the copy, rest = links. */
  linkGroups: string[][];
}

/**
 * Scans `root/<sub>` (sub '' = the whole root); rel paths stay relative to root so layouts match on the target. Tdarr's
 * transcode cache (`root/tdarr-cache`) is left out: half-written transcodes are not library data, and the copier only
 * makes the empty folder on the target (docs/decisions.md D34).
 */
export async function scanTree(root: string, sub = ''): Promise<ScanResult> {
  const entries: ScanEntry[] = [];
  const start = sub ? path.join(root, ...sub.split('/')) : root;
  await walk(start, sub, entries);
  entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const groups = new Map<string, string[]>();
  let files = 0;
  let bytes = 0;
  for (const e of entries) {
    if (e.kind !== 'file') continue;
    if (e.nlink > 1) {
      const key = `${e.dev}:${e.ino}`;
      const g = groups.get(key);
      if (g) {
        g.push(e.rel);
        continue; // a link adds no bytes to copy
      }
      groups.set(key, [e.rel]);
    }
    files++;
    bytes += e.size;
  }
  return { entries, files, bytes, linkGroups: [...groups.values()].filter((g) => g.length > 1) };
}

async function walk(dir: string, rel: string, out: ScanEntry[]): Promise<void> {
  const d = await opendir(dir);
  for await (const dirent of d) {
    const full = path.join(dir, dirent.name);
    const r = rel ? `${rel}/${dirent.name}` : dirent.name;
    if (r === TDARR_CACHE_FOLDER) continue;
    const st = await lstat(full);
    const kind = st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : st.isFile() ? 'file' : null;
    if (!kind) continue; // sockets, fifos, devices: not library content
    out.push({
      rel: r,
      kind,
      size: kind === 'file' ? st.size : 0,
      mtimeMs: st.mtimeMs,
      ctimeMs: st.ctimeMs,
      mode: st.mode & 0o7777,
      dev: st.dev,
      ino: st.ino,
      nlink: st.nlink,
    });
    if (kind === 'dir') await walk(full, r, out);
  }
}
