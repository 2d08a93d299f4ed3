// Fake of a Plex Media Server's library side for the migration switch (Plex cannot run here), answering with the
// recorded bodies (tests/fixtures/recorded/README.md says where each came from): sections as in GET /library/sections,
// a scan started by GET /library/sections/{key}/refresh that shows `refreshing: true` for a few listings and then
// counts the video files on disk under the section's folder at that moment, and counts as the paged
// /library/sections/{key}/all (`totalSize`). Like Plex, a count is what the last finished scan found, so a file lost
// since then only shows after a rescan. One video file = one movie / one episode (Plex's own matching is richer).
// For the chain check: `refresh?path=<folder>` is a partial scan (python-plexapi 4.16.1 plexapi/library.py
// LibrarySection.update(path)); `/all?type=1&title=<t>` lists the items whose title contains t, each with
// Media[].Part[] {key, file} (python-plexapi LibrarySection.search(title=…) and media.py MediaPart); an item's title is
// its file name without "(year)" and extension, as Plex names an unmatched film; `/library/metadata/{ratingKey}` answers
// that one item (python-plexapi PlexServer.fetchItem) and 404 once a scan no longer finds its file.
import { readFileSync } from 'node:fs';
import { opendir } from 'node:fs/promises';
import path from 'node:path';
import { fixturePath } from './fixture-path';
import { RecordedFakeServer } from './recorded-fake-server';

type Json = Record<string, unknown>;
const recorded = (p: string) => JSON.parse(readFileSync(fixturePath(`recorded/${p}`), 'utf8')) as Json;
// .m2ts: the chain's sample (Radarr skips its sample check for it); Plex's scanner lists m2ts among video extensions
// (Plex Media Scanner VideoFiles.py; not re-verified at a tag here).
const VIDEO = new Set(['.mkv', '.mp4', '.m4v', '.avi', '.mov', '.ts', '.m2ts', '.wmv']);
/** The search type a count must ask for: movies in a movie library, episodes in a TV library. */
const EXPECTED_TYPE: Record<string, string> = { movie: '1', show: '4' };

export interface PlexLibrarySpec {
  title: string;
  type: 'movie' | 'show';
  /** The library folder as Plex sees it (a container path such as /data/media/movies). */
  location: string;
}

export interface PlexLibraryFakeOptions {
  token: string;
  sections: PlexLibrarySpec[];
  /** Where that folder is on this host right now (e.g. through the Plex container's current mount). */
  resolve(location: string): Promise<string> | string;
  /** Section listings that still show a started scan as refreshing before it finishes (default 2). */
  scanListings?: number;
}

interface SectionState extends PlexLibrarySpec {
  key: string;
  /** Container paths of the video files the last finished scan found. */
  files: string[];
  refreshing: boolean;
  listingsLeft: number;
  items: number;
  scannedAt: number;
}

export interface PlexLibraryFake {
  server: RecordedFakeServer;
  /** Section keys whose scan was started, in order. */
  scans: string[];
  /** Listings of /library/sections that showed at least one section refreshing. */
  listingsWhileRefreshing: number;
  /** Folders of the partial scans asked for (`refresh?path=`), in order. */
  scanPaths: string[];
  /** Title → items found by the last finished scan. */
  items(): Record<string, number>;
  stop(): Promise<void>;
}

async function listVideos(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for await (const e of await opendir(d)) {
      if (e.isDirectory()) await walk(path.join(d, e.name));
      else if (e.isFile() && VIDEO.has(path.extname(e.name).toLowerCase()))
        found.push(path.relative(dir, path.join(d, e.name)));
    }
  };
  // A folder that is not there holds nothing Plex could list.
  await walk(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
  return found.sort();
}

/** "Some Film (2000).mkv" → "Some Film": how Plex titles a film it could not match. */
const titleOf = (file: string) =>
  path.posix
    .basename(file)
    .replace(/\.[^.]+$/, '')
    .replace(/\s*\(\d{4}\)\s*$/, '');

/** A stable id per file, as Plex keeps one per item. */
const keys = new Map<string, string>();
function ratingKeyOf(file: string): string {
  if (!keys.has(file)) keys.set(file, String(1000 + keys.size));
  return keys.get(file)!;
}
function itemOf(s: { key: string; title: string }, file: string): Json {
  const ratingKey = ratingKeyOf(file);
  return {
    ratingKey,
    key: `/library/metadata/${ratingKey}`,
    type: 'movie',
    title: titleOf(file),
    librarySectionID: Number(s.key),
    librarySectionTitle: s.title,
    Media: [
      {
        id: Number(ratingKey),
        Part: [{ id: Number(ratingKey), key: `/library/parts/${ratingKey}/1/file${path.extname(file)}`, file }],
      },
    ],
  };
}

export async function startPlexLibraryFake(o: PlexLibraryFakeOptions): Promise<PlexLibraryFake> {
  const server = new RecordedFakeServer('plex');
  const listing = recorded('plex/library-sections.json').MediaContainer as Json;
  const templates = listing.Directory as Json[];
  const countBody = recorded('plex/library-section-count.json').MediaContainer as Json;
  const scan = async (s: SectionState) => {
    const rel = await listVideos(await o.resolve(s.location));
    s.files = rel.map((r) => path.posix.join(s.location, r.split(path.sep).join('/')));
    s.items = s.files.length;
    // Unix seconds like Plex; never the same value twice so a finished scan is always visible.
    s.scannedAt = Math.max(s.scannedAt + 1, Math.floor(Date.now() / 1000));
    s.refreshing = false;
  };
  const sections: SectionState[] = o.sections.map((spec, i) => ({
    ...spec,
    key: String(i + 1),
    files: [],
    refreshing: false,
    listingsLeft: 0,
    items: 0,
    scannedAt: 0,
  }));
  // The libraries were scanned when they were added, as Plex does.
  for (const s of sections) await scan(s);
  const fake: PlexLibraryFake = {
    server,
    scans: [],
    scanPaths: [],
    listingsWhileRefreshing: 0,
    items: () => Object.fromEntries(sections.map((s) => [s.title, s.items])),
    stop: () => server.stop(),
  };
  const unauthorized = {
    status: 401,
    body: '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>',
    contentType: 'text/html',
  };
  const check = (headers: Record<string, unknown>) => {
    if (!String(headers.accept ?? '').includes('application/json'))
      throw new Error('Plex answers XML unless Accept: application/json is sent');
    return headers['x-plex-token'] === o.token;
  };
  const section = (key: string) => {
    const s = sections.find((x) => x.key === key);
    if (!s) throw new Error(`no library section ${key}`);
    return s;
  };
  server
    .route('GET', /^\/library\/sections\/?$/, async (req) => {
      if (!check(req.headers)) return unauthorized;
      for (const s of sections.filter((x) => x.refreshing)) {
        if (s.listingsLeft <= 0) await scan(s);
        else s.listingsLeft--;
      }
      if (sections.some((s) => s.refreshing)) fake.listingsWhileRefreshing++;
      const Directory = sections.map((s, i) => ({
        ...templates.find((t) => t.type === s.type),
        key: s.key,
        title: s.title,
        refreshing: s.refreshing,
        scannedAt: s.scannedAt,
        Location: [{ id: i + 1, path: s.location }],
      }));
      return { status: 200, body: { MediaContainer: { ...listing, size: Directory.length, Directory } } };
    })
    .route('GET', /^\/library\/sections\/([^/]+)\/refresh$/, (req) => {
      if (!check(req.headers)) return unauthorized;
      const s = section(req.params[0]!);
      fake.scans.push(s.key);
      const folder = req.url.searchParams.get('path');
      if (folder !== null) fake.scanPaths.push(folder);
      if (!s.refreshing) Object.assign(s, { refreshing: true, listingsLeft: o.scanListings ?? 2 });
      return { status: 200 };
    })
    .route('GET', /^\/library\/sections\/([^/]+)\/all$/, (req) => {
      if (!check(req.headers)) return unauthorized;
      const s = section(req.params[0]!);
      const q = req.url.searchParams;
      const title = q.get('title');
      if (title !== null) {
        if (q.get('type') !== EXPECTED_TYPE[s.type])
          throw new Error(`a ${s.type} search needs type=${EXPECTED_TYPE[s.type]}`);
        const Metadata = s.files
          .map((file) => ({ file, ratingKey: ratingKeyOf(file) }))
          .filter((x) => titleOf(x.file).toLowerCase().includes(title.toLowerCase()))
          .map((x) => itemOf(s, x.file));
        return { status: 200, body: { MediaContainer: { size: Metadata.length, Metadata } } };
      }
      if (q.get('X-Plex-Container-Start') !== '0' || q.get('X-Plex-Container-Size') !== '0')
        throw new Error('a count asks for a page of size 0 from 0');
      if (q.get('type') !== EXPECTED_TYPE[s.type])
        throw new Error(`a ${s.type} library is counted with type=${EXPECTED_TYPE[s.type]}, got type=${q.get('type')}`);
      if (q.get('includeCollections') !== '0')
        throw new Error('collections must be left out of the count (includeCollections=0)');
      const body = {
        ...countBody,
        librarySectionID: Number(s.key),
        librarySectionTitle: s.title,
        title1: s.title,
        totalSize: s.items,
      };
      return { status: 200, body: { MediaContainer: body } };
    });
  server.route('GET', /^\/library\/metadata\/([^/]+)$/, (req) => {
    if (!check(req.headers)) return unauthorized;
    for (const s of sections)
      for (const file of s.files)
        if (ratingKeyOf(file) === req.params[0])
          return { status: 200, body: { MediaContainer: { size: 1, Metadata: [itemOf(s, file)] } } };
    return {
      status: 404,
      body: '<html><head><title>Not Found</title></head><body><h1>404 Not Found</h1></body></html>',
      contentType: 'text/html',
    };
  });
  await server.start();
  return fake;
}
