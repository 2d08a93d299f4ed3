// The chain check's sample in the stack (stack/sample-import.ts): a one-shot container of a stack image with the data
// root mounted at /data writes the sample under /data/torrents/movies, hard-links it into /data/media/movies (one inode,
// two links, seen from the host too), and the removal leaves neither folder behind.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
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
  it('imports the sample as a hardlink inside the container and removes it again', async () => {
    const opts = {
      // The Radarr stand-in (tests/standin): the stack's chain uses the Radarr image, which has /bin/sh, ln and stat.
      image: 'ups-standin/service:radarr',
      mounts: [{ source: dataRoot, target: '/data' }],
      puid: process.getuid?.() ?? 1000,
      pgid: process.getgid?.() ?? 1000,
    };
    const sample = containerSample();
    const out = await runInDataContainer(docker, opts, sample.importScript());
    const stats = parseSampleStats(out);
    expect(stats, out).not.toBeNull();
    const [download, media] = stats!;
    expect(media.inode).toBe(download.inode);
    expect([download.links, media.links]).toEqual([2, 2]);
    const onHost = (p: string) => join(dataRoot, p.replace(/^\/data\//, ''));
    const [a, b] = [await stat(onHost(sample.download)), await stat(onHost(sample.media))];
    expect(b.ino).toBe(a.ino);
    expect(b.nlink).toBe(2);
    expect(sample.media).toMatch(
      /^\/data\/media\/movies\/UPS Chain Check [0-9a-f]{6} \(2000\)\/UPS Chain Check [0-9a-f]{6} \(2000\)\.mkv$/,
    );

    await runInDataContainer(docker, opts, sample.removeScript());
    expect(await readdir(join(dataRoot, 'torrents', 'movies'))).toEqual([]);
    expect(await readdir(join(dataRoot, 'media', 'movies'))).toEqual([]);
  }, 60_000);
});
