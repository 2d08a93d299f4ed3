// Seeds files into a named volume before the first start (docs/decisions.md D7, D14): through the engine (putArchive into a
// created-but-never-started container), never through the host file system. Existing files are left alone.
import type Docker from 'dockerode';
import { extract, pack } from 'tar-stream';

export interface SeedFile {
  /** Relative to the volume root. */
  path: string;
  content: string;
  uid: number;
  gid: number;
  mode?: number;
}

export interface SeedRequest {
  project: string;
  /** Volume name as in compose.yaml (compose prefixes `<project>_`). */
  volume: string;
  /** An image that exists locally (the service's own); the container is never started. */
  image: string;
  files: SeedFile[];
}

export const composeVolumeName = (project: string, volume: string): string => `${project}_${volume}`;

/** Creates the volume the way compose would (same name and labels), so `up` adopts it without a warning. */
export async function ensureComposeVolume(docker: Docker, project: string, volume: string): Promise<string> {
  const name = composeVolumeName(project, volume);
  try {
    await docker.getVolume(name).inspect();
  } catch {
    await docker.createVolume({
      Name: name,
      Labels: { 'com.docker.compose.project': project, 'com.docker.compose.volume': volume },
    });
  }
  return name;
}

export async function seedVolume(docker: Docker, req: SeedRequest): Promise<{ written: string[]; kept: string[] }> {
  const name = await ensureComposeVolume(docker, req.project, req.volume);
  const container = await docker.createContainer({
    Image: req.image,
    Entrypoint: ['/bin/true'],
    Cmd: [],
    Labels: { 'io.ups.role': 'seed' },
    HostConfig: { NetworkMode: 'none', Mounts: [{ Type: 'volume', Source: name, Target: '/seed' }] },
  });
  try {
    const written: string[] = [];
    const kept: string[] = [];
    const tar = pack();
    const dirs = new Set<string>();
    for (const f of req.files) {
      if (await exists(container, `/seed/${f.path}`)) {
        kept.push(f.path);
        continue;
      }
      const parts = f.path.split('/').slice(0, -1);
      for (let i = 1; i <= parts.length; i++) {
        const dir = parts.slice(0, i).join('/');
        if (!dirs.has(dir)) tar.entry({ name: `${dir}/`, type: 'directory', mode: 0o755, uid: f.uid, gid: f.gid });
        dirs.add(dir);
      }
      tar.entry({ name: f.path, mode: f.mode ?? 0o644, uid: f.uid, gid: f.gid }, f.content);
      written.push(f.path);
    }
    tar.finalize();
    if (written.length > 0)
      await container.putArchive(await toBuffer(tar as unknown as AsyncIterable<Uint8Array>), { path: '/seed' });
    return { written, kept };
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

async function exists(container: Docker.Container, path: string): Promise<boolean> {
  try {
    await container.infoArchive({ path });
    return true;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw err;
  }
}

async function toBuffer(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

/**
 * One file of an image, read from a created-but-never-started container (nothing runs): e.g. the config template an
 * image's entrypoint would copy, so a seed can start from exactly that file. Null when the image has no such file.
 */
export async function readImageFile(docker: Docker, image: string, path: string): Promise<string | null> {
  const container = await docker.createContainer({
    Image: image,
    Entrypoint: ['/bin/true'],
    Cmd: [],
    Labels: { 'io.ups.role': 'seed' },
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    let archive: NodeJS.ReadableStream;
    try {
      archive = await container.getArchive({ path });
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return null;
      throw err;
    }
    const ex = extract();
    const chunks: Buffer[] = [];
    const done = new Promise<void>((resolve, reject) => {
      ex.on('entry', (header, stream, next) => {
        if (header.type === 'file' && chunks.length === 0)
          stream.on('data', (c: unknown) => chunks.push(Buffer.from(c as Uint8Array)));
        stream.on('end', next);
        stream.resume();
      });
      ex.on('finish', resolve);
      ex.on('error', reject);
    });
    archive.pipe(ex);
    await done;
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}
