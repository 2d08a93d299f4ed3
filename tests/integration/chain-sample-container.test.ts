// The chain check's sample in the stack (stack/sample-import.ts): a one-shot container of a stack image with the data
// root mounted at /data writes the sample under /data/torrents/movies, reads inode and link count of the download and of
// its import (a hardlink into /data/media/movies, as Radarr makes it), and the removal leaves neither folder behind.
import { link, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerSample, parseSampleStats, runInDataContainer } from '../../src/core/stack/sample-import';
import { requireDocker } from '../helpers/require-env';

let docker: Docker;
let dataRoot: string;

beforeAll(async () => {
  docker = await requireDocker();
  dataRoot = await mkdtemp(join(process.env.UPS_CI_TMP ?? tmpdir(), 'ups-t-chain-sample-'));
});
afterAll(async () => {
  if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
});

describe('chain sample in a data container', () => {
  it('places the sample, reads inode and links from inside the container, and removes it again', async () => {
    const opts = {
      // The Radarr stand-in (tests/standin): the stack's chain uses the Radarr image, which has /bin/sh, ln and stat.
      image: 'ups-standin/service:radarr',
      mounts: [{ source: dataRoot, target: '/data' }],
      puid: process.getuid?.() ?? 1000,
      pgid: process.getgid?.() ?? 1000,
    };
    const sample = containerSample();
    const placed = await runInDataContainer(docker, opts, sample.placeScript());
    expect(placed).toContain('UPS_SAMPLE_PLACED');
    expect(sample.download).toBe('/data/torrents/movies/Big Buck Bunny (2008)/Big Buck Bunny (2008).m2ts');
    // Radarr's import (a hardlink) is done here from the host, then read back from inside the container.
    const onHost = (p: string) => join(dataRoot, p.replace(/^\/data\//, ''));
    await mkdir(join(onHost(sample.media), '..'), { recursive: true });
    await link(onHost(sample.download), onHost(sample.media));
    const stats = parseSampleStats(
      await runInDataContainer(docker, opts, sample.statScript([sample.download, sample.media, '/data/none'])),
      3,
    );
    const [a, b] = [await stat(onHost(sample.download)), await stat(onHost(sample.media))];
    expect(stats).toEqual([{ inode: a.ino, links: 2 }, { inode: a.ino, links: 2 }, null]);
    expect(b.ino).toBe(a.ino);

    await runInDataContainer(docker, opts, sample.removeScript());
    expect(await readdir(join(dataRoot, 'torrents', 'movies'))).toEqual([]);
    expect(await readdir(join(dataRoot, 'media', 'movies'))).toEqual([]);
  }, 60_000);
});
