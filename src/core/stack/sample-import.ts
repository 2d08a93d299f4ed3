// The chain check's sample item inside the stack (docs/decisions.md D7): one-shot containers with the stack's /data mount
// write a small file under /data/torrents/movies (the finished "download" Radarr is then asked to import), print the
// inode and link count of given paths, and remove the sample from both trees again.
import type Docker from 'dockerode';
import { randomBytes } from 'node:crypto';
import { demux, type DataMount } from './hardlink-test';

export interface SampleContainerOptions {
  image: string;
  mounts: DataMount[];
  puid: number;
  pgid: number;
}

export interface ContainerSample {
  title: string;
  /** The download's folder under /data/torrents/movies (what Radarr imports). */
  folder: string;
  download: string;
  /** Where Radarr puts it by default: the root folder, the film's folder, the file's own name (renaming off). */
  media: string;
  placeScript(): string;
  statScript(paths: string[]): string;
  removeScript(): string;
}

/**
 * Named as the film Radarr's library holds (chain/radarr-import.ts SAMPLE_FILM), so Radarr's import matches the folder
 * to it. `.m2ts`: Radarr skips its sample check for that extension (MediaFiles/MovieImport/DetectSample.cs, v6.0.3.10276:
 * DVD/BR image files), which would otherwise refuse a file ffprobe finds no runtime in ("Unable to determine if file is
 * a sample", NotSampleSpecification.cs); Plex lists .m2ts files as films.
 */
export function containerSample(): ContainerSample {
  const title = 'Big Buck Bunny';
  const name = `${title} (2008)`;
  const folder = `/data/torrents/movies/${name}`;
  const download = `${folder}/${name}.m2ts`;
  const media = `/data/media/movies/${name}/${name}.m2ts`;
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return {
    title,
    folder,
    download,
    media,
    placeScript: () =>
      [
        `mkdir -p ${q(folder)}`,
        // 1 MiB: big enough to be a real file for the scanner, small enough to cost nothing.
        `head -c 1048576 /dev/zero > ${q(download)} && echo UPS_SAMPLE_PLACED`,
      ].join('\n'),
    statScript: (paths) =>
      paths.map((p) => `echo "UPS_STAT $(stat -c '%i %h' ${q(p)} 2>/dev/null || echo missing)"`).join('\n'),
    removeScript: () => `rm -rf ${q(folder)} ${q(`/data/media/movies/${name}`)}; echo UPS_SAMPLE_REMOVED`,
  };
}

/** Runs one script in a throwaway container of the stack's image with its /data mount; answers what it printed. */
export async function runInDataContainer(docker: Docker, o: SampleContainerOptions, script: string): Promise<string> {
  const container = await docker.createContainer({
    Image: o.image,
    Entrypoint: ['/bin/sh', '-c', script],
    Cmd: [],
    // As the services run (PUID/PGID), so the sample is owned like an imported file.
    User: `${o.puid}:${o.pgid}`,
    Labels: { 'io.ups.role': 'chain-sample', 'io.ups.tag': randomBytes(4).toString('hex') },
    HostConfig: { NetworkMode: 'none', Binds: o.mounts.map((m) => `${m.source}:${m.target}`) },
  });
  try {
    await container.start();
    await container.wait();
    return demux(await container.logs({ stdout: true, stderr: true, follow: false }));
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

/** The statScript's lines → inode and link count per path, null for a missing one; all null when it printed nothing. */
export function parseSampleStats(out: string, count: number): ({ inode: number; links: number } | null)[] {
  const lines = [...out.matchAll(/UPS_STAT (?:(\d+) (\d+)|missing)/g)];
  return Array.from({ length: count }, (_, i) => {
    const m = lines[i];
    return m && m[1] ? { inode: Number(m[1]), links: Number(m[2]) } : null;
  });
}
