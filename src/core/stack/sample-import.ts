// The chain check's sample item inside the stack (docs/decisions.md D7): a one-shot container with the stack's /data mount
// writes a small file under /data/torrents/movies, hard-links it into /data/media/movies the way Radarr imports (falling
// back to a copy, as Radarr does when the link is refused), prints both inodes and link counts, and removes it again.
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
  download: string;
  media: string;
  importScript(): string;
  removeScript(): string;
}

/** Names Plex reads as a film: "Title (Year)/Title (Year).mkv"; the random tag keeps two checks apart. */
export function containerSample(): ContainerSample {
  const title = `UPS Chain Check ${randomBytes(3).toString('hex')}`;
  const name = `${title} (2000)`;
  const download = `/data/torrents/movies/${name}/${name}.mkv`;
  const media = `/data/media/movies/${name}/${name}.mkv`;
  const q = (s: string) => `'${s}'`;
  return {
    title,
    download,
    media,
    importScript: () =>
      [
        `mkdir -p ${q(`/data/torrents/movies/${name}`)} ${q(`/data/media/movies/${name}`)}`,
        // 1 MiB: big enough to be a real file for the scanner, small enough to cost nothing.
        `head -c 1048576 /dev/zero > ${q(download)}`,
        `ln ${q(download)} ${q(media)} 2>/dev/null || cp ${q(download)} ${q(media)}`,
        `echo "UPS_SAMPLE $(stat -c '%i %h' ${q(download)}) $(stat -c '%i %h' ${q(media)})"`,
      ].join('\n'),
    removeScript: () =>
      `rm -rf ${q(`/data/torrents/movies/${name}`)} ${q(`/data/media/movies/${name}`)}; echo UPS_SAMPLE_REMOVED`,
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

/** "UPS_SAMPLE <inode> <links> <inode> <links>" → the two stats; null when the script printed none (it failed). */
export function parseSampleStats(
  out: string,
): [{ inode: number; links: number }, { inode: number; links: number }] | null {
  const m = /UPS_SAMPLE (\d+) (\d+) (\d+) (\d+)/.exec(out);
  if (!m) return null;
  return [
    { inode: Number(m[1]), links: Number(m[2]) },
    { inode: Number(m[3]), links: Number(m[4]) },
  ];
}
