// The Plex library hooks against the recorded-response Plex fake serving real folders: each section is scanned and
// waited for until it no longer shows refreshing, then counted (movies, episodes); a file lost after the switch makes
// the switch go back with the count named; without a sign-in or a library the switch says why Plex was not compared.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { plexLibraryHooks } from '../../src/core/migrate/plex-hook';
import { switchStack, SwitchFailedError, type StackPort } from '../../src/core/migrate/switch';
import { PlexServerClient } from '../../src/core/plex/plex-server-client';
import { startPlexLibraryFake, type PlexLibraryFake } from '../fakes/plex-library-fake';

const TOKEN = 'plex-token-for-tests';
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** A media folder (movies + tv) with `movies` movie files and `episodes` episode files, plus files Plex ignores. */
async function mediaTree(root: string, movies: number, episodes: number): Promise<string> {
  for (let i = 0; i < movies; i++) {
    await mkdir(path.join(root, 'movies', `Film ${i} (201${i})`), { recursive: true });
    await writeFile(path.join(root, 'movies', `Film ${i} (201${i})`, `Film ${i}.mkv`), `movie ${i}`);
    await writeFile(path.join(root, 'movies', `Film ${i} (201${i})`, `Film ${i}.nfo`), '<movie/>');
  }
  for (let i = 0; i < episodes; i++) {
    await mkdir(path.join(root, 'tv', 'Show', 'Season 01'), { recursive: true });
    await writeFile(path.join(root, 'tv', 'Show', 'Season 01', `S01E0${i + 1}.mp4`), `episode ${i}`);
    await writeFile(path.join(root, 'tv', 'Show', 'Season 01', `S01E0${i + 1}.srt`), 'subs');
  }
  return root;
}

async function tmp(): Promise<string> {
  const dir = await mkdtemp(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), 'ups-t-plex-hook-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function fakeOver(media: () => string, scanListings?: number): Promise<PlexLibraryFake> {
  const fake = await startPlexLibraryFake({
    token: TOKEN,
    sections: [
      { title: 'Movies', type: 'movie', location: '/data/media/movies' },
      { title: 'TV Shows', type: 'show', location: '/data/media/tv' },
    ],
    resolve: (loc) => path.join(media(), path.relative('/data/media', loc)),
    ...(scanListings !== undefined ? { scanListings } : {}),
  });
  cleanups.push(async () => {
    expect(fake.server.violations).toEqual([]);
    await fake.stop();
  });
  return fake;
}

const client = (fake: PlexLibraryFake, token: string | null = TOKEN) =>
  new PlexServerClient({ url: fake.server.url, token: async () => token, clientId: 'ups-test' });

describe('plexLibraryHooks', () => {
  it('scans each section, waits until it no longer shows refreshing, then counts movies and episodes on disk', async () => {
    const media = await mediaTree(path.join(await tmp(), 'media'), 3, 2);
    const fake = await fakeOver(() => media);
    const hooks = await plexLibraryHooks({ client: client(fake), hasToken: async () => true, pollMs: 5 });
    expect(hooks.map((h) => h.name)).toEqual(['plex:Movies', 'plex:TV Shows']);
    const [movies, tv] = hooks as [(typeof hooks)[0], (typeof hooks)[0]];
    expect(await movies.count()).toBe(3);
    expect(await tv.count()).toBe(2);
    // A new file is not in Plex until a scan has run.
    await mkdir(path.join(media, 'movies', 'New (2024)'));
    await writeFile(path.join(media, 'movies', 'New (2024)', 'New.mp4'), 'x');
    expect(await movies.count()).toBe(3);
    await movies.rescan!();
    expect(fake.scans).toEqual(['1']);
    expect(fake.listingsWhileRefreshing).toBe(2);
    expect(await movies.count()).toBe(4);
    await rm(path.join(media, 'tv', 'Show', 'Season 01', 'S01E01.mp4'));
    await tv.rescan!();
    expect(fake.scans).toEqual(['1', '2']);
    expect(await tv.count()).toBe(1);
  });

  it('also ends the wait for a scan that finished before the first look (scannedAt moved on)', async () => {
    const media = await mediaTree(path.join(await tmp(), 'media'), 2, 0);
    const fake = await fakeOver(() => media, 0);
    const [movies] = await plexLibraryHooks({ client: client(fake), hasToken: async () => true, pollMs: 5 });
    await rm(path.join(media, 'movies', 'Film 0 (2010)'), { recursive: true });
    await movies!.rescan!();
    expect(fake.listingsWhileRefreshing).toBe(0);
    expect(await movies!.count()).toBe(1);
  });

  it('gives up on a scan that does not finish in time, naming the library', async () => {
    const media = await mediaTree(path.join(await tmp(), 'media'), 1, 1);
    const fake = await fakeOver(() => media, 1_000_000);
    const [movies] = await plexLibraryHooks({
      client: client(fake),
      hasToken: async () => true,
      pollMs: 5,
      timeoutMs: 100,
    });
    await expect(movies!.rescan!()).rejects.toThrow(/Plex did not finish scanning "Movies" within 0\.1 s/);
  });

  it('says plainly why Plex is not compared: no sign-in stored, or no library yet', async () => {
    const media = await mediaTree(path.join(await tmp(), 'media'), 1, 1);
    const fake = await fakeOver(() => media);
    const none = await plexLibraryHooks({ client: client(fake, null), hasToken: async () => false });
    expect(none).toHaveLength(1);
    expect(none[0]!.skipped).toMatch(/no Plex sign-in is stored \(plex\.token\).*sign in to Plex before the switch/);
    const empty = await startPlexLibraryFake({ token: TOKEN, sections: [], resolve: () => media });
    cleanups.push(() => empty.stop());
    const noLib = await plexLibraryHooks({ client: client(empty), hasToken: async () => true });
    expect(noLib.map((h) => [h.name, h.skipped])).toEqual([
      ['plex', 'Plex has no libraries yet, so there was nothing of Plex to scan or compare'],
    ]);
    // A stored token Plex refuses is an error, not a skip.
    await expect(plexLibraryHooks({ client: client(fake, 'wrong'), hasToken: async () => true })).rejects.toThrow(
      /HTTP 401/,
    );
  });
});

describe('the switch with the Plex hooks', () => {
  /** compose.yaml names the media folder the stack runs on; start() "mounts" it for the fake Plex. */
  async function stackOver(dir: string) {
    let mounted = '';
    const mount = async () => (mounted = (await readFile(path.join(dir, 'compose.yaml'), 'utf8')).trim());
    await mount();
    const calls: string[] = [];
    const stack: StackPort = {
      stop: async () => void calls.push('stop'),
      start: async () => void calls.push(`start ${await mount()}`),
      waitHealthy: async () => void calls.push('healthy'),
    };
    return { stack, calls, media: () => mounted };
  }

  async function setup(targetMovies: number) {
    const dir = await tmp();
    const local = await mediaTree(path.join(dir, 'local'), 3, 2);
    const nas = await mediaTree(path.join(dir, 'nas'), targetMovies, 2);
    await writeFile(path.join(dir, 'compose.yaml'), `${local}\n`);
    const s = await stackOver(dir);
    const fake = await fakeOver(s.media);
    const hooks = await plexLibraryHooks({ client: client(fake), hasToken: async () => true, pollMs: 5 });
    return {
      dir,
      local,
      nas,
      fake,
      hooks,
      ...s,
      req: {
        dir,
        next: [{ name: 'compose.yaml', content: `${nas}\n` }],
        stack: s.stack,
        hooks,
        catchUp: async () => undefined,
      },
    };
  }

  it('switches when Plex sees the same items on the target, rescanning before and after', async () => {
    const t = await setup(3);
    const out = await switchStack(t.req);
    expect(out.counts).toEqual({ 'plex:Movies': 3, 'plex:TV Shows': 2 });
    expect(out.skipped).toEqual({});
    expect(t.fake.scans).toEqual(['1', '2', '1', '2']);
    expect(t.media()).toBe(t.nas);
  });

  it('goes back to the local data when a movie is missing on the target, naming the count', async () => {
    const t = await setup(2);
    const err = await switchStack(t.req).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SwitchFailedError);
    expect((err as SwitchFailedError).rolledBack).toBe(true);
    expect((err as SwitchFailedError).reason).toBe('after the switch plex:Movies sees 2 items instead of 3');
    expect(await readFile(path.join(t.dir, 'compose.yaml'), 'utf8')).toBe(`${t.local}\n`);
    expect(t.calls).toEqual(['stop', `start ${t.nas}`, 'healthy', 'stop', `start ${t.local}`, 'healthy']);
    // Switched back and rescanned: Plex lists the local library again.
    expect(t.fake.items()).toEqual({ Movies: 3, 'TV Shows': 2 });
  });

  it('reports a skipped Plex check in the result instead of passing it silently', async () => {
    const t = await setup(2);
    const skippedHooks = await plexLibraryHooks({ client: client(t.fake, null), hasToken: async () => false });
    const out = await switchStack({ ...t.req, hooks: skippedHooks });
    expect(out.counts).toEqual({});
    expect(out.skipped).toEqual({ plex: expect.stringMatching(/no Plex sign-in is stored/) });
    expect(t.fake.scans).toEqual([]);
  });
});
