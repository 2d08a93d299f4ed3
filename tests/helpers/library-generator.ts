// Generates a realistic /data library for migration tests (nested folders, small and large files, unicode names,
// a hardlinked torrent/media pair) and fingerprints trees so tests can compare source and target by hash.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, lstat, mkdir, opendir, readlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface LibraryOptions {
  /** Size of each large "video" file. */
  largeBytes?: number;
  largeCount?: number;
  smallCount?: number;
}

export interface Library {
  root: string;
  /** rel paths of the hardlinked pair: torrent download and its imported media name. */
  linkedPair: [string, string];
  bytes: number;
}

export async function generateLibrary(root: string, opts: LibraryOptions = {}): Promise<Library> {
  const largeBytes = opts.largeBytes ?? 3 * 1024 * 1024;
  const largeCount = opts.largeCount ?? 3;
  const smallCount = opts.smallCount ?? 20;
  let bytes = 0;
  const put = async (rel: string, data: Buffer) => {
    const full = path.join(root, ...rel.split('/'));
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, data);
    bytes += data.length;
  };
  for (const d of ['torrents/movies', 'torrents/tv', 'usenet/complete', 'media/movies', 'media/tv'])
    await mkdir(path.join(root, d), { recursive: true });
  for (let i = 0; i < largeCount; i++)
    await put(`media/movies/Film ${i} (20${10 + i})/Film ${i}.mkv`, randomBytes(largeBytes + i * 4099));
  for (let i = 0; i < smallCount; i++)
    await put(
      `media/tv/Show ${i % 4}/Season 0${(i % 3) + 1}/S0${(i % 3) + 1}E${String(i).padStart(2, '0')}.srt`,
      randomBytes(100 + i * 37),
    );
  await put('media/movies/Amélie (2001)/Amélie – 字幕 🎬.nfo', Buffer.from('<movie><title>Amélie</title></movie>'));
  await put('media/tv/Ünïcödé Shöw/Season 01/Ep 01 — пилот.mkv', randomBytes(200_000));
  await put('usenet/complete/empty.bin', Buffer.alloc(0));
  await mkdir(path.join(root, 'media/movies/Empty Folder'), { recursive: true });
  const torrent = 'torrents/movies/Linked.Movie.2020.mkv';
  const media = 'media/movies/Linked Movie (2020)/Linked Movie (2020).mkv';
  await put(torrent, randomBytes(1_500_000));
  await mkdir(path.dirname(path.join(root, media)), { recursive: true });
  await link(path.join(root, torrent), path.join(root, media));
  return { root, linkedPair: [torrent, media], bytes };
}

export interface TreeEntry {
  kind: 'file' | 'dir' | 'symlink';
  sha256?: string;
  size?: number;
  mtimeMs?: number;
  ino?: number;
  nlink?: number;
}

/** rel path → entry (file hashes, sizes, times, inode facts) for the whole tree under root, optionally one sub-folder. */
export async function fingerprint(root: string, sub = ''): Promise<Map<string, TreeEntry>> {
  const out = new Map<string, TreeEntry>();
  const walk = async (dir: string, rel: string): Promise<void> => {
    for await (const e of await opendir(dir)) {
      const full = path.join(dir, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      const st = await lstat(full);
      if (st.isDirectory()) {
        out.set(r, { kind: 'dir' });
        await walk(full, r);
      } else if (st.isSymbolicLink()) out.set(r, { kind: 'symlink', sha256: await readlink(full) });
      else
        out.set(r, {
          kind: 'file',
          sha256: await sha256File(full),
          size: st.size,
          mtimeMs: st.mtimeMs,
          ino: st.ino,
          nlink: st.nlink,
        });
    }
  };
  await walk(sub ? path.join(root, sub) : root, sub);
  return out;
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });
}

/** Comparable view: kind, content and size per path (inode numbers differ between trees by nature). */
export function contentView(tree: Map<string, TreeEntry>): Record<string, string> {
  const o: Record<string, string> = {};
  for (const [k, v] of [...tree].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (k === '.ups-migrate-target') continue; // the migration's target marker, not library content
    o[k] = v.kind === 'dir' ? 'dir' : `${v.kind}:${v.sha256}:${v.size ?? ''}`;
  }
  return o;
}

/** Files whose modification times differ by a millisecond or more (sub-millisecond precision is not portable). */
export function mtimeDiffs(a: Map<string, TreeEntry>, b: Map<string, TreeEntry>): string[] {
  return [...a]
    .filter(([k, v]) => v.kind === 'file' && Math.abs((v.mtimeMs ?? 0) - (b.get(k)?.mtimeMs ?? -1e9)) >= 1)
    .map(([k]) => k);
}
