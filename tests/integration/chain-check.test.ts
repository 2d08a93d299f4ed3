// The chain check end to end on loopback: Seerr/Radarr/Sonarr/Prowlarr as spec-validating fakes, Debian's real
// qbittorrent-nox as the stack's client (its download-client test and a real download from a second, seeding
// qbittorrent-nox), the import as a real hardlink between a /data/torrents-like and a /data/media-like tree, and the
// Plex library fake's partial scan. Then each hop broken on purpose stops the walk there with its own fix.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFile, link, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interpretHardlinkOutput, type HardlinkResult } from '../../src/core/probes/hardlink-result';
import { PlexServerClient } from '../../src/core/plex/plex-server-client';
import { ArrClient } from '../../src/core/wiring/clients/arr-common';
import { SeerrClient } from '../../src/core/wiring/clients/seerr';
import { runChain, type Chain } from '../../src/core/wiring/chain/chain-run';
import { downloadHop } from '../../src/core/wiring/chain/hop-download';
import { filesystemHop } from '../../src/core/wiring/chain/hop-filesystem';
import { indexerHop } from '../../src/core/wiring/chain/hop-indexer';
import { requestHop } from '../../src/core/wiring/chain/hop-request';
import { sampleHops } from '../../src/core/wiring/chain/hop-sample';
import type { SamplePort } from '../../src/core/wiring/chain/sample-port';
import { arrWiring } from '../../src/core/wiring/steps/prowlarr-wiring';
import { addIndexerFakes, type IndexerFakes } from '../fakes/arr-fake-indexers';
import { arrKeys, dlCreds, startArrStack, type ArrStack } from '../fakes/arr-harness';
import { startPlexLibraryFake, type PlexLibraryFake } from '../fakes/plex-library-fake';
import { applyAll } from '../fakes/run-wiring';
import { startSeerrFake, type SeerrFake } from '../fakes/seerr-fake';
import { startQbittorrent, type RunningClient } from '../helpers/real-download-clients';
import { makeSampleTorrent, qbtSession, waitComplete, type QbtSession } from '../helpers/torrent-sample';

const PLEX_TOKEN = `plex-${randomBytes(6).toString('hex')}`;
const SEEDER_PASSWORD = `seed-${randomBytes(6).toString('hex')}`;
let arr: ArrStack;
let indexers: IndexerFakes;
let seerr: SeerrFake;
let seeder: RunningClient;
let seed: QbtSession;
let leech: QbtSession;
let site: Server;
let root: string;
let dataRoot: string;
const plexFakes: PlexLibraryFake[] = [];

const arrClient = (app: 'radarr' | 'sonarr' | 'prowlarr') =>
  new ArrClient(app === 'radarr' ? 'Radarr' : app === 'sonarr' ? 'Sonarr' : 'Prowlarr', {
    url: arr.fakes[app].url,
    apiKey: arrKeys[app],
  });

/** /data/<rest> as this test's trees hold it. */
const onHost = (data: string, p: string) => join(data, p.replace(/^\/data\/?/, ''));

async function plexFor(data: string, resolveTo?: string): Promise<PlexServerClient> {
  const fake = await startPlexLibraryFake({
    token: PLEX_TOKEN,
    sections: [{ title: 'Movies', type: 'movie', location: '/data/media/movies' }],
    resolve: (loc) => resolveTo ?? onHost(data, loc),
    scanListings: 1,
  });
  plexFakes.push(fake);
  return new PlexServerClient({ url: fake.server.url, token: async () => PLEX_TOKEN, clientId: 'ups-chain-test' });
}

/** The filesystem proof as the container runs it (stack/hardlink-test.ts), on this host's trees, read by the same parser. */
async function proveHardlink(data: string): Promise<HardlinkResult> {
  const tag = randomBytes(3).toString('hex');
  const f = join(data, 'torrents', `.ups-hardlink-${tag}`);
  const l = join(data, 'media', `.ups-hardlink-${tag}`);
  await writeFile(f, 'ups');
  try {
    await link(f, l);
    const [a, b] = [await stat(f), await stat(l)];
    return interpretHardlinkOutput(`UPS_RESULT linked ${a.ino} ${a.nlink} ${b.ino} ${b.nlink}`);
  } catch (err) {
    return interpretHardlinkOutput(
      `UPS_RESULT link-failed ln: ${(err as NodeJS.ErrnoException).code}: ${(err as Error).message}`,
    );
  } finally {
    await rm(f, { force: true });
    await rm(l, { force: true });
  }
}

/** The sample as a real torrent: seeded by one qbittorrent-nox, downloaded by the stack's, imported by a hardlink. */
function torrentSample(data: string): SamplePort & { made: { download?: string; media?: string } } {
  const tag = randomBytes(3).toString('hex');
  const title = `UPS Chain Check ${tag}`;
  const folder = `${title} (2000)`;
  const file = `${folder}.mkv`;
  const seedDir = join(seeder.dir, 'seed', tag);
  let hash: string | null = null;
  const made: { download?: string; media?: string } = {};
  return {
    title,
    made,
    async importSample() {
      const t = await makeSampleTorrent(seedDir, file);
      hash = t.hash;
      await seed.add(t, seedDir);
      await waitComplete(seed, t.hash);
      const download = `/data/torrents/movies/${folder}/${file}`;
      await leech.add(t, dirname(onHost(data, download)));
      await waitComplete(leech, t.hash, () => leech.addPeer(t.hash, `127.0.0.1:${seeder.torrentPort}`));
      made.download = onHost(data, download);
      // The import, as Radarr does it with "Use Hardlinks instead of Copy": a link, or a copy when the link is refused.
      const media = `/data/media/movies/${folder}/${file}`;
      made.media = onHost(data, media);
      await mkdir(dirname(made.media), { recursive: true });
      await link(made.download, made.media).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EXDEV') throw err;
        await copyFile(made.download!, made.media!);
      });
      const [a, b] = [await stat(made.download), await stat(made.media)];
      return {
        download,
        media,
        downloadStat: { inode: a.ino, links: a.nlink },
        mediaStat: { inode: b.ino, links: b.nlink },
      };
    },
    async remove() {
      if (hash) {
        await leech.remove(hash);
        await seed.remove(hash);
      }
      // The client deletes the file; the folder it was saved in is the import's to remove (as the container script does).
      if (made.download) await rm(dirname(made.download), { recursive: true, force: true });
      if (made.media) await rm(dirname(made.media), { recursive: true, force: true });
    },
  };
}

async function chainFor(o: { data?: string; plex?: PlexServerClient; sample?: SamplePort } = {}) {
  const data = o.data ?? dataRoot;
  const sample = o.sample ?? torrentSample(data);
  const s = sampleHops(sample, o.plex ?? (await plexFor(data)), { scanTimeoutMs: 10_000, pollMs: 50 });
  const [radarr, sonarr, prowlarr] = [arrClient('radarr'), arrClient('sonarr'), arrClient('prowlarr')];
  const chain: Chain = {
    steps: [
      requestHop({
        seerr: new SeerrClient({ url: seerr.url, apiKey: async () => seerr.state.apiKey }),
        arrs: { radarr, sonarr },
      }),
      indexerHop({ prowlarr, radarr, sonarr }),
      downloadHop({ radarr, sonarr }),
      filesystemHop(() => proveHardlink(data)),
      ...s.steps,
    ],
    cleanup: s.cleanup,
  };
  return { chain, sample };
}

async function makeData(mediaElsewhere?: string): Promise<string> {
  const data = await mkdtemp(join(root, 'data-'));
  await mkdir(join(data, 'torrents', 'movies'), { recursive: true });
  if (mediaElsewhere) {
    await mkdir(join(mediaElsewhere, 'movies'), { recursive: true });
    await symlink(mediaElsewhere, join(data, 'media'));
  } else await mkdir(join(data, 'media', 'movies'), { recursive: true });
  return data;
}

beforeAll(async () => {
  root = await mkdtemp(join(process.env.UPS_CI_TMP ?? tmpdir(), 'ups-t-chain-'));
  dataRoot = await makeData();
  arr = await startArrStack();
  // The Arr side as the wiring leaves it: download clients, root folders, Prowlarr's applications.
  const wired = await applyAll(arrWiring(arr.input()).steps);
  expect(wired.failed).toBeUndefined();
  indexers = addIndexerFakes(arr.fakes);
  // An indexer "site" on loopback that answers, so Prowlarr's test of it passes.
  site = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/xml' }).end('<caps/>'));
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  await arrClient('prowlarr').createProvider('indexer', {
    name: 'Loopback Torznab',
    implementation: 'Torznab',
    configContract: 'TorznabSettings',
    enable: true,
    protocol: 'torrent',
    priority: 25,
    appProfileId: 1,
    fields: [{ name: 'baseUrl', value: siteUrl }],
    tags: [],
  } as never);
  indexers.sync();
  seerr = await startSeerrFake(arr.network);
  seerr.state.users.push({ id: 1, plexToken: PLEX_TOKEN });
  const entry = (name: string, port: number, apiKey: string, dir: string) => ({
    id: 0,
    name,
    hostname: name.toLowerCase(),
    port,
    apiKey,
    useSsl: false,
    baseUrl: '',
    activeProfileId: 4,
    activeProfileName: 'HD-1080p',
    activeDirectory: dir,
    is4k: false,
    isDefault: true,
  });
  // As seerr-steps.ts saves them (RadarrSettings / SonarrSettings required fields in seerr-api.yml).
  seerr.state.radarr.push({
    ...entry('Radarr', 7878, arrKeys.radarr, '/data/media/movies'),
    minimumAvailability: 'released',
  });
  seerr.state.sonarr.push({ ...entry('Sonarr', 8989, arrKeys.sonarr, '/data/media/tv'), enableSeasonFolders: true });
  seeder = await startQbittorrent({ password: SEEDER_PASSWORD });
  seed = await qbtSession(seeder.baseUrl, 'admin', SEEDER_PASSWORD);
  leech = await qbtSession(arr.qbt.baseUrl, dlCreds.qb.username, dlCreds.qb.password);
}, 120_000);

afterAll(async () => {
  for (const f of plexFakes) await f.stop();
  await seerr?.stop();
  await new Promise((r) => (site ? site.close(r) : r(null)));
  await seeder?.stop();
  await arr?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('chain.check on loopback', () => {
  it('walks every hop with a real download, a real hardlink and Plex seeing the file, then cleans up', async () => {
    const { chain, sample } = await chainFor();
    const made = (sample as ReturnType<typeof torrentSample>).made;
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
    const fake = plexFakes.at(-1)!;
    expect(fake.scanPaths).toEqual([
      `/data/media/movies/${sample.title} (2000)`,
      `/data/media/movies/${sample.title} (2000)`,
    ]);
    // Cleaned up: nothing left in the media tree, the torrent gone from the stack's client with its files.
    expect(await readdir(join(dataRoot, 'media', 'movies'))).toEqual([]);
    expect(await readdir(join(dataRoot, 'torrents', 'movies'))).toEqual([]);
    expect(fake.items()).toEqual({ Movies: 0 });
    expect(arr.fakes.radarr.server.violations).toEqual([]);
    expect(arr.fakes.prowlarr.server.violations).toEqual([]);
    expect(seerr.server.violations).toEqual([]);
  }, 120_000);

  it("Plex's scan misses the file (Plex sees another folder): stops at library, asks to start Plex with the stack's mounts", async () => {
    const elsewhere = await mkdtemp(join(root, 'plex-sees-'));
    const { chain } = await chainFor({ plex: await plexFor(dataRoot, elsewhere) });
    const result = await runChain(chain);
    expect(result.hops.at(-1)).toMatchObject({
      hop: 'library',
      ok: false,
      detail: expect.stringContaining('does not list'),
      fix: { action: 'stack.up', input: { services: ['plex'] } },
    });
    expect(result.notRun).toEqual(['stream']);
    expect(result.cleanedUp).toBe(true);
    expect(await readdir(join(dataRoot, 'media', 'movies'))).toEqual([]);
  }, 120_000);

  it('cross-filesystem paths (media on another filesystem): stops at filesystem with the layout fix', async () => {
    // /dev/shm is a tmpfs: a link from the temp dir's filesystem into it is refused with EXDEV, as across two drives.
    expect((await stat('/dev/shm')).dev, '/dev/shm must be another filesystem than the temp dir').not.toBe(
      (await stat(root)).dev,
    );
    const shm = await mkdtemp('/dev/shm/ups-t-chain-media-');
    try {
      const data = await makeData(shm);
      const { chain } = await chainFor({ data });
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
    const kept = indexers.prowlarr;
    indexers.prowlarr = [];
    try {
      const result = await runChain((await chainFor()).chain);
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
      indexers.prowlarr = kept;
    }
  }, 120_000);

  it('download client unreachable: stops at download with a restart of the VPN and the client', async () => {
    const kept = arr.network['vpn:8080'];
    arr.network['vpn:8080'] = { url: 'http://127.0.0.1:9' };
    try {
      const result = await runChain((await chainFor()).chain);
      expect(result.hops.at(-1)).toMatchObject({
        hop: 'download',
        ok: false,
        detail: expect.stringContaining('cannot use'),
        fix: { action: 'stack.restart', input: { services: ['vpn', 'qbittorrent'] } },
      });
      expect(result.notRun).toEqual(['filesystem', 'import', 'library', 'stream']);
    } finally {
      arr.network['vpn:8080'] = kept!;
    }
  }, 120_000);

  it("Seerr's root folder is not one Radarr has: stops at request with Repair", async () => {
    const radarrEntry = seerr.state.radarr[0]!;
    const kept = radarrEntry.activeDirectory;
    radarrEntry.activeDirectory = '/movies';
    try {
      const result = await runChain((await chainFor()).chain);
      expect(result.hops).toHaveLength(1);
      expect(result.hops[0]).toMatchObject({ hop: 'request', ok: false, fix: { action: 'wiring.apply' } });
      expect(result.hops[0]!.detail).toContain('/movies');
    } finally {
      radarrEntry.activeDirectory = kept;
    }
  }, 120_000);
});
