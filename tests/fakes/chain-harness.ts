// The chain check's loopback stack, shared by tests/integration/chain-check.test.ts and the bench: Seerr/Radarr/Sonarr/
// Prowlarr as spec-validating fakes, Debian's real qbittorrent-nox as the stack's client (its download-client test and a
// real download from a second, seeding qbittorrent-nox), the import by the Radarr fake as Radarr does it (a real hardlink
// between a /data/torrents-like and a /data/media-like tree), and the Plex library fake's partial scan.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { link, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { interpretHardlinkOutput, type HardlinkResult } from '../../src/core/probes/hardlink-result';
import { PlexServerClient } from '../../src/core/plex/plex-server-client';
import { ArrClient } from '../../src/core/wiring/clients/arr-common';
import { SeerrClient } from '../../src/core/wiring/clients/seerr';
import type { Chain } from '../../src/core/wiring/chain/chain-run';
import { downloadHop } from '../../src/core/wiring/chain/hop-download';
import { filesystemHop } from '../../src/core/wiring/chain/hop-filesystem';
import { indexerHop } from '../../src/core/wiring/chain/hop-indexer';
import { requestHop } from '../../src/core/wiring/chain/hop-request';
import { sampleHops } from '../../src/core/wiring/chain/hop-sample';
import { radarrImporter, SAMPLE_FILM } from '../../src/core/wiring/chain/radarr-import';
import type { SamplePort } from '../../src/core/wiring/chain/sample-port';
import { arrWiring } from '../../src/core/wiring/steps/prowlarr-wiring';
import { addIndexerFakes, type IndexerFakes } from './arr-fake-indexers';
import { arrKeys, dlCreds, startArrStack, type ArrStack } from './arr-harness';
import { startPlexLibraryFake, type PlexLibraryFake } from './plex-library-fake';
import { applyAll } from './run-wiring';
import { startSeerrFake, type SeerrFake } from './seerr-fake';
import { startQbittorrent, type RunningClient } from '../helpers/real-download-clients';
import { makeSampleTorrent, qbtSession, waitComplete, type QbtSession } from '../helpers/torrent-sample';

/** The sample as a real torrent; `made` holds the host paths of the download and the imported link. */
export type TorrentSample = SamplePort & { made: { download?: string; media?: string } };

export type ChainStack = Awaited<ReturnType<typeof startChainStack>>;

export async function startChainStack() {
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

  /** The sample as a real torrent: seeded by one qbittorrent-nox, downloaded by the stack's; Radarr (fake) imports it. */
  function torrentSample(data: string): TorrentSample {
    const tag = randomBytes(3).toString('hex');
    // Named as the film the import hop puts in Radarr's library (src/core/wiring/chain/radarr-import.ts SAMPLE_FILM).
    const title = SAMPLE_FILM.title;
    const folder = `${title} (${SAMPLE_FILM.year})`;
    const file = `${folder}.m2ts`;
    const seedDir = join(seeder.dir, 'seed', tag);
    let hash: string | null = null;
    const made: { download?: string; media?: string } = {};
    return {
      title,
      made,
      async placeDownload() {
        const t = await makeSampleTorrent(seedDir, file);
        hash = t.hash;
        await seed.add(t, seedDir);
        await waitComplete(seed, t.hash);
        const download = `/data/torrents/movies/${folder}/${file}`;
        await leech.add(t, dirname(onHost(data, download)));
        await waitComplete(leech, t.hash, () => leech.addPeer(t.hash, `127.0.0.1:${seeder.torrentPort}`));
        made.download = onHost(data, download);
        made.media = onHost(data, `/data/media/movies/${folder}/${file}`);
        return { folder: `/data/torrents/movies/${folder}`, download };
      },
      async stat(paths) {
        return Promise.all(
          paths.map(async (p) => {
            const st = await stat(onHost(data, p)).catch(() => null);
            return st ? { inode: st.ino, links: st.nlink } : null;
          }),
        );
      },
      async remove() {
        if (hash) {
          await leech.remove(hash);
          await seed.remove(hash);
        }
        // The client deletes the file; the folder it was saved in is the check's to remove (as the container script does).
        if (made.download) await rm(dirname(made.download), { recursive: true, force: true });
        if (made.media) await rm(dirname(made.media), { recursive: true, force: true });
      },
    };
  }

  async function chainFor(
    o: { data?: string; plex?: PlexServerClient; sample?: SamplePort; radarrData?: string | null } = {},
  ) {
    const data = o.data ?? dataRoot;
    const sample = o.sample ?? torrentSample(data);
    const [radarr, sonarr, prowlarr] = [arrClient('radarr'), arrClient('sonarr'), arrClient('prowlarr')];
    // The Radarr fake imports from the trees this chain uses (its /data mount).
    arr.fakes.radarr.movies!.dataRoot = o.radarrData === undefined ? data : o.radarrData;
    const s = sampleHops(
      sample,
      radarrImporter(radarr, { pollMs: 20, timeoutMs: 10_000 }),
      o.plex ?? (await plexFor(data)),
      {
        scanTimeoutMs: 10_000,
        pollMs: 50,
      },
    );
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

  try {
    root = await mkdtemp(join(process.env.UPS_CI_TMP ?? tmpdir(), 'ups-t-chain-'));
    dataRoot = await makeData();
    arr = await startArrStack();
    // The Arr side as the wiring leaves it: download clients, root folders, Prowlarr's applications.
    const wired = await applyAll(arrWiring(arr.input()).steps);
    if (wired.failed) throw new Error(`the Arr wiring failed: ${wired.failed.id}: ${wired.failed.error.message}`);
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
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }

  async function stop() {
    for (const f of plexFakes) await f.stop();
    await seerr?.stop();
    await new Promise((r) => (site ? site.close(r) : r(null)));
    await seeder?.stop();
    await arr?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  }

  return {
    chainFor,
    makeData,
    plexFor,
    plexFakes,
    stop,
    get arr() {
      return arr;
    },
    get indexers() {
      return indexers;
    },
    get seerr() {
      return seerr;
    },
    get root() {
      return root;
    },
    get dataRoot() {
      return dataRoot;
    },
  };
}
