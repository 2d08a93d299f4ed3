// Moves a named volume between two engines through their APIs only (docs/decisions.md D14: file work goes through the
// engine, never this PC's disk): the source engine's archive of the volume (GET /containers/{id}/archive on a helper
// container that is created, never started) is streamed straight into PUT /containers/{id}/archive on the target, with
// owners kept (copyUIDGID, as `docker cp -a`). While it streams, every entry is hashed into a manifest; the target's
// archive is then read back and must give the same manifest, so "copied" means byte-identical, not "sent".
import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { extract } from 'tar-stream';

/** Where the helper container sees the volume: the archive's entries are `v/...`. */
const MOUNT = '/v';
export const HELPER_LABEL = 'io.ups.role';

export interface VolumeSide {
  docker: Docker;
  /** The full volume name on that engine (`<project>_<volume>`). */
  volume: string;
  /** An image present on that engine; the helper container is created from it and never started. */
  image: string;
}

export interface ManifestEntry {
  /** Path inside the volume ('' = its root). */
  p: string;
  type: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** sha256 of a file's bytes; the link target of a symlink or hard link. */
  h?: string;
  link?: string;
  /** A regular file's modification time (seconds); directories are left out, their times follow their entries. */
  mtime?: number;
}

export interface VolumeManifest {
  entries: ManifestEntry[];
  bytes: number;
  files: number;
  /** sha256 over the sorted entries: equal digests = the same tree, owners, modes and bytes. */
  digest: string;
}

async function helper(side: VolumeSide, role: string): Promise<Docker.Container> {
  return side.docker.createContainer({
    Image: side.image,
    Entrypoint: ['/bin/true'],
    Cmd: [],
    Labels: { [HELPER_LABEL]: role },
    HostConfig: { NetworkMode: 'none', Mounts: [{ Type: 'volume', Source: side.volume, Target: MOUNT }] },
  });
}

async function withHelper<T>(side: VolumeSide, role: string, work: (c: Docker.Container) => Promise<T>): Promise<T> {
  const c = await helper(side, role);
  try {
    return await work(c);
  } finally {
    await c.remove({ force: true }).catch(() => undefined);
  }
}

/** A pass-through that also feeds each chunk to a tar reader building the manifest (the stream is read once). */
function manifestTap(onBytes?: (n: number) => void): { tap: Transform; manifest: () => Promise<VolumeManifest> } {
  const entries: ManifestEntry[] = [];
  const reader = extract();
  const done = new Promise<void>((resolve, reject) => {
    reader.on('finish', resolve);
    reader.on('error', reject);
  });
  reader.on('entry', (header, body, next) => {
    const name = header.name.replace(/^\.?\/?v\/?/, '').replace(/\/$/, '');
    const e: ManifestEntry = {
      p: name,
      type: header.type ?? 'file',
      mode: (header.mode ?? 0) & 0o7777,
      uid: header.uid ?? 0,
      gid: header.gid ?? 0,
      size: header.type === 'file' ? (header.size ?? 0) : 0,
      ...(header.linkname ? { link: header.linkname.replace(/^\.?\/?v\//, '') } : {}),
      ...(header.type === 'file' && header.mtime ? { mtime: Math.floor(header.mtime.getTime() / 1000) } : {}),
    };
    const hash = createHash('sha256');
    body.on('data', (data: unknown) => {
      const chunk = data as Uint8Array;
      hash.update(chunk);
      onBytes?.(chunk.length);
    });
    body.on('end', () => {
      if (e.type === 'file') e.h = hash.digest('hex');
      entries.push(e);
      next();
    });
    body.resume();
  });
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      // The chunk goes on only once the reader took it: memory stays flat whatever the volume's size.
      if (reader.write(chunk)) cb(null, chunk);
      else reader.once('drain', () => cb(null, chunk));
    },
    flush(cb) {
      reader.end(() => undefined);
      done.then(() => cb(), cb);
    },
  });
  return {
    tap,
    manifest: async () => {
      await done;
      return summarise(entries);
    },
  };
}

export function summarise(entries: ManifestEntry[]): VolumeManifest {
  const sorted = [...entries].sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
  const digest = createHash('sha256');
  for (const e of sorted) digest.update(`${JSON.stringify(e)}\n`);
  return {
    entries: sorted,
    bytes: sorted.reduce((n, e) => n + e.size, 0),
    files: sorted.filter((e) => e.type === 'file').length,
    digest: digest.digest('hex'),
  };
}

/** The manifest of a volume as its engine archives it now. */
export async function volumeManifest(side: VolumeSide): Promise<VolumeManifest> {
  return withHelper(side, 'volume-read', async (c) => {
    const { tap, manifest } = manifestTap();
    const sink = new PassThrough();
    sink.resume();
    await pipeline((await c.getArchive({ path: MOUNT })) as Readable, tap, sink);
    return manifest();
  });
}

/** Helper containers an interrupted copy left on a volume (a kill -9 skips their removal); they would pin it. */
export async function removeHelpers(docker: Docker, volume: string): Promise<void> {
  const left = await docker.listContainers({ all: true, filters: { label: [HELPER_LABEL], volume: [volume] } });
  for (const c of left)
    await docker
      .getContainer(c.Id)
      .remove({ force: true })
      .catch(() => undefined);
}

/** Creates the target volume empty (an earlier, interrupted attempt's is removed first), with compose's labels. */
export async function freshVolume(docker: Docker, name: string, labels: Record<string, string>): Promise<void> {
  await removeHelpers(docker, name);
  const existing = docker.getVolume(name);
  if (
    await existing.inspect().then(
      () => true,
      () => false,
    )
  )
    await existing.remove({ force: true });
  await docker.createVolume({ Name: name, Labels: labels });
}

export interface CopyResult {
  source: VolumeManifest;
  target: VolumeManifest;
}

/**
 * Copies one volume's content from `from` into a fresh volume `to` (labels = compose's, so `up` on the target adopts
 * it), then reads the target back: throws when the two manifests differ, naming the first difference.
 */
export async function copyVolume(
  from: VolumeSide,
  to: VolumeSide,
  labels: Record<string, string>,
  onBytes?: (n: number) => void,
): Promise<CopyResult> {
  await removeHelpers(from.docker, from.volume);
  await freshVolume(to.docker, to.volume, labels);
  const source = await withHelper(from, 'volume-move-out', (out) =>
    withHelper(to, 'volume-move-in', async (into) => {
      const { tap, manifest } = manifestTap(onBytes);
      const archive = (await out.getArchive({ path: MOUNT })) as Readable;
      const body = new PassThrough();
      // Entries are `v/...`; extracted at / they land in the mounted volume, its root's owner and mode included.
      const put = into.putArchive(body, { path: '/', copyUIDGID: '1' }).catch((err: unknown) => {
        archive.destroy(err as Error); // the target refused: stop reading the source instead of stalling on it
        throw err;
      });
      await Promise.all([pipeline(archive, tap, body), put]);
      return manifest();
    }),
  );
  const target = await volumeManifest(to);
  if (target.digest !== source.digest)
    throw new Error(`${to.volume} differs after the copy: ${firstDifference(source, target)}`);
  return { source, target };
}

export function firstDifference(a: VolumeManifest, b: VolumeManifest): string {
  const byPath = new Map(b.entries.map((e) => [e.p, e]));
  for (const e of a.entries) {
    const o = byPath.get(e.p);
    if (!o) return `${e.p || '/'} is missing on the target`;
    if (JSON.stringify(o) !== JSON.stringify(e)) return `${e.p || '/'} is not the same on the target`;
  }
  const extra = b.entries.find((e) => !a.entries.some((x) => x.p === e.p));
  return extra ? `${extra.p} is only on the target` : 'the entry lists differ';
}
