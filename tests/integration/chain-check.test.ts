// The chain check end to end on loopback (tests/fakes/chain-harness.ts): a real download between two qbittorrent-nox, a
// real hardlink into the media tree made by the Radarr fake's import command, and the Plex library fake's partial scan; then each hop broken on purpose stops the
// walk there with its own fix.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChain } from '../../src/core/wiring/chain/chain-run';
import { startChainStack, type ChainStack, type TorrentSample } from '../fakes/chain-harness';

let stack: ChainStack;
beforeAll(async () => {
  stack = await startChainStack();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe('chain.check on loopback', () => {
  it('walks every hop with a real download, a real hardlink and Plex seeing the file, then cleans up', async () => {
    const { chain, sample } = await stack.chainFor();
    const made = (sample as TorrentSample).made;
    let linkFacts: { ino: number; nlink: number; same: boolean } | null = null;
    // Look at the import's result between the hops: the media file is the downloaded file (one inode, two links).
    const library = chain.steps.find((s) => s.hop === 'library')!;
    const run = library.run.bind(library);
    library.run = async () => {
      const [a, b] = [await stat(made.download!), await stat(made.media!)];
      linkFacts = { ino: b.ino, nlink: b.nlink, same: a.ino === b.ino };
      return run();
    };
    const result = await runChain(chain);
    expect(result.hops.map((h) => [h.hop, h.ok])).toEqual([
      ['request', true],
      ['indexer', true],
      ['download', true],
      ['filesystem', true],
      ['import', true],
      ['library', true],
      ['stream', true],
    ]);
    expect(result).toMatchObject({ ok: true, notRun: [], cleanedUp: true });
    expect(linkFacts).toMatchObject({ same: true, nlink: 2 });
    expect(result.hops.find((h) => h.hop === 'library')?.detail).toContain(sample.title);
    expect(result.hops.find((h) => h.hop === 'stream')?.detail).toMatch(/playable part \(\/library\/parts\//);
    // Partial scans of the sample's folder only (the check, then the cleanup's rescan).
    const fake = stack.plexFakes.at(-1)!;
    expect(fake.scanPaths).toEqual([
      `/data/media/movies/${sample.title} (2008)`,
      `/data/media/movies/${sample.title} (2008)`,
    ]);
    // Radarr did the import (its DownloadedMoviesScan of the download folder, copy mode → hardlink), and the check took
    // the film it added out of Radarr's library again.
    const radarr = stack.arr.fakes.radarr.movies!;
    expect(radarr.commands.at(-1)).toMatchObject({
      name: 'DownloadedMoviesScan',
      status: 'completed',
      result: 'successful',
    });
    expect(radarr.movies).toEqual([]);
    // Cleaned up: nothing left in the media tree, the torrent gone from the stack's client with its files.
    expect(await readdir(join(stack.dataRoot, 'media', 'movies'))).toEqual([]);
    expect(await readdir(join(stack.dataRoot, 'torrents', 'movies'))).toEqual([]);
    expect(fake.items()).toEqual({ Movies: 0 });
    expect(stack.arr.fakes.radarr.server.violations).toEqual([]);
    expect(stack.arr.fakes.prowlarr.server.violations).toEqual([]);
    expect(stack.seerr.server.violations).toEqual([]);
  }, 120_000);

  it("Plex's scan misses the file (Plex sees another folder): stops at library, asks to start Plex with the stack's mounts", async () => {
    const elsewhere = await mkdtemp(join(stack.root, 'plex-sees-'));
    const { chain } = await stack.chainFor({ plex: await stack.plexFor(stack.dataRoot, elsewhere) });
    const result = await runChain(chain);
    expect(result.hops.at(-1)).toMatchObject({
      hop: 'library',
      ok: false,
      detail: expect.stringContaining('does not list'),
      fix: { action: 'stack.up', input: { services: ['plex'] } },
    });
    expect(result.notRun).toEqual(['stream']);
    expect(result.cleanedUp).toBe(true);
    expect(await readdir(join(stack.dataRoot, 'media', 'movies'))).toEqual([]);
  }, 120_000);

  it("Radarr does not see the downloads (no /data mount): stops at import, asks to start Radarr with the stack's mounts", async () => {
    const { chain } = await stack.chainFor({ radarrData: null });
    const result = await runChain(chain);
    expect(result.hops.at(-1)).toMatchObject({
      hop: 'import',
      ok: false,
      detail: expect.stringContaining('Radarr did not import the sample'),
      fix: { action: 'stack.up', input: { services: ['radarr'] } },
    });
    expect(result.notRun).toEqual(['library', 'stream']);
    expect(result.cleanedUp).toBe(true);
    expect(stack.arr.fakes.radarr.movies!.movies).toEqual([]);
    expect(await readdir(join(stack.dataRoot, 'torrents', 'movies'))).toEqual([]);
  }, 120_000);

  it('Radarr copies instead of hardlinking (setting off): stops at import with the hardlink fix', async () => {
    const mm = stack.arr.fakes.radarr.state.mediamanagement;
    mm.copyUsingHardlinks = false;
    try {
      const result = await runChain((await stack.chainFor()).chain);
      expect(result.hops.at(-1)).toMatchObject({
        hop: 'import',
        ok: false,
        detail: expect.stringContaining('copied, not hard-linked'),
        hint: expect.stringContaining('Use Hardlinks instead of Copy'),
      });
      expect(await readdir(join(stack.dataRoot, 'media', 'movies'))).toEqual([]);
    } finally {
      mm.copyUsingHardlinks = true;
    }
  }, 120_000);

  it('cross-filesystem paths (media on another filesystem): stops at filesystem with the layout fix', async () => {
    // /dev/shm is a tmpfs: a link from the temp dir's filesystem into it is refused with EXDEV, as across two drives.
    expect((await stat('/dev/shm')).dev, '/dev/shm must be another filesystem than the temp dir').not.toBe(
      (await stat(stack.root)).dev,
    );
    const shm = await mkdtemp('/dev/shm/ups-t-chain-media-');
    try {
      const data = await stack.makeData(shm);
      const { chain } = await stack.chainFor({ data });
      const result = await runChain(chain);
      expect(result.hops.map((h) => h.hop)).toEqual(['request', 'indexer', 'download', 'filesystem']);
      expect(result.hops.at(-1)).toMatchObject({
        ok: false,
        detail: expect.stringMatching(/EXDEV|cross-device/i),
        fix: { action: 'checks.run' },
      });
      expect(result.notRun).toEqual(['import', 'library', 'stream']);
    } finally {
      await rm(shm, { recursive: true, force: true });
    }
  }, 120_000);

  it('no indexer in Prowlarr: stops at indexer and says to add one', async () => {
    const kept = stack.indexers.prowlarr;
    stack.indexers.prowlarr = [];
    try {
      const result = await runChain((await stack.chainFor()).chain);
      expect(result.hops.map((h) => [h.hop, h.ok])).toEqual([
        ['request', true],
        ['indexer', false],
      ]);
      expect(result.hops[1]).toMatchObject({
        detail: expect.stringContaining('Prowlarr has no indexer'),
        hint: expect.stringContaining('Add Indexer'),
      });
      expect(result.notRun).toEqual(['download', 'filesystem', 'import', 'library', 'stream']);
    } finally {
      stack.indexers.prowlarr = kept;
    }
  }, 120_000);

  it('download client unreachable: stops at download with a restart of the VPN and the client', async () => {
    const kept = stack.arr.network['vpn:8080'];
    stack.arr.network['vpn:8080'] = { url: 'http://127.0.0.1:9' };
    try {
      const result = await runChain((await stack.chainFor()).chain);
      expect(result.hops.at(-1)).toMatchObject({
        hop: 'download',
        ok: false,
        detail: expect.stringContaining('cannot use'),
        fix: { action: 'stack.restart', input: { services: ['vpn', 'qbittorrent'] } },
      });
      expect(result.notRun).toEqual(['filesystem', 'import', 'library', 'stream']);
    } finally {
      stack.arr.network['vpn:8080'] = kept!;
    }
  }, 120_000);

  it("Seerr's root folder is not one Radarr has: stops at request with Repair", async () => {
    const radarrEntry = stack.seerr.state.radarr[0]!;
    const kept = radarrEntry.activeDirectory;
    radarrEntry.activeDirectory = '/movies';
    try {
      const result = await runChain((await stack.chainFor()).chain);
      expect(result.hops).toHaveLength(1);
      expect(result.hops[0]).toMatchObject({ hop: 'request', ok: false, fix: { action: 'wiring.apply' } });
      expect(result.hops[0]!.detail).toContain('/movies');
    } finally {
      radarrEntry.activeDirectory = kept;
    }
  }, 120_000);
});
