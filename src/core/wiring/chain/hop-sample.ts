// Hops "import", "library" and "stream" on one sample item: imported by Radarr as a hardlink, seen by Plex's partial scan
// of its folder, answered by Plex as an item with a playable part; then removed again and Plex rescans the folder.
import { posix } from 'node:path';
import { fixAction } from '../../contract/fix-action';
import { PLEX_SEARCH_TYPE, type PlexItem, type PlexServerClient } from '../../plex/plex-server-client';
import { broken, passed, type Chain, type ChainStep, type HopOutcome } from './chain-run';
import type { RadarrImporter } from './radarr-import';
import type { ImportedSample, SamplePort } from './sample-port';

export interface SampleHopOptions {
  /** How long a partial scan may take before the library hop gives up. */
  scanTimeoutMs?: number;
  pollMs?: number;
}

type Plex = Pick<PlexServerClient, 'sections' | 'refreshSection' | 'searchSection' | 'item'>;

const under = (dir: string, file: string) => file.startsWith(`${dir.replace(/\/+$/, '')}/`);

/** Starts a partial scan of `folder` and waits until the section is no longer refreshing and its scannedAt moved. */
async function scanFolder(plex: Plex, key: string, folder: string, o: Required<SampleHopOptions>): Promise<boolean> {
  const before = (await plex.sections()).find((s) => s.key === key)?.scannedAt ?? 0;
  await plex.refreshSection(key, folder);
  const deadline = Date.now() + o.scanTimeoutMs;
  for (;;) {
    await new Promise((r) => setTimeout(r, o.pollMs));
    const s = (await plex.sections()).find((x) => x.key === key);
    if (s && !s.refreshing && (s.scannedAt ?? 0) > before) return true;
    if (Date.now() > deadline) return false;
  }
}

const partOf = (item: PlexItem, file: string) =>
  item.Media?.flatMap((m) => m.Part ?? []).find((p) => p.file === file) ?? undefined;

export function sampleHops(sample: SamplePort, radarr: RadarrImporter, plex: Plex, opts: SampleHopOptions = {}): Chain {
  const o = { scanTimeoutMs: opts.scanTimeoutMs ?? 60_000, pollMs: opts.pollMs ?? 500 };
  let imported: ImportedSample | null = null;
  let section: { key: string; title: string } | null = null;
  let found: PlexItem | null = null;

  const importHop: ChainStep = {
    hop: 'import',
    async run(): Promise<HopOutcome> {
      const placed = await sample.placeDownload();
      const done = await radarr.importFolder(placed.folder);
      if ('ok' in done) return done;
      const [a, b] = await sample.stat([placed.download, done.media]);
      if (!a || !b)
        return broken(
          `Radarr reported ${done.media} imported, but ${!a ? placed.download : done.media} is not there.`,
          'Radarr must see the same /data folder as the download client: start the stack again so every service gets the /data mount.',
          fixAction('stack.up', { services: ['radarr'] }),
        );
      const s: ImportedSample = { download: placed.download, media: done.media, downloadStat: a, mediaStat: b };
      imported = s;
      if (a.inode !== b.inode || a.links < 2 || b.links < 2)
        return broken(
          `The sample was copied, not hard-linked, into ${posix.dirname(s.media)} (inodes ${a.inode} and ${b.inode}, ${b.links} link(s)).`,
          'Keep downloads and media under one data folder on one drive, and leave "Use Hardlinks instead of Copy" on in Radarr/Sonarr (Settings → Media Management).',
          fixAction('checks.run'),
        );
      return passed(
        `${posix.basename(s.media)} is in ${posix.dirname(s.media)} as a hardlink (inode ${b.inode}, ${b.links} links).`,
      );
    },
  };

  const libraryHop: ChainStep = {
    hop: 'library',
    async run() {
      if (!imported) throw new Error('the import hop did not run');
      const media = imported.media;
      const folder = posix.dirname(media);
      const s = (await plex.sections()).find(
        (x) => x.type === 'movie' && (x.Location ?? []).some((l) => under(l.path, media)),
      );
      if (!s)
        return broken(
          `No Plex movie library contains ${folder}, so Plex never sees what Radarr imports.`,
          'Repair the links: they create the Movies library on /data/media/movies.',
          fixAction('wiring.apply'),
        );
      section = { key: s.key, title: s.title };
      if (!(await scanFolder(plex, s.key, folder, o)))
        return broken(
          `Plex did not finish scanning ${folder} within ${Math.round(o.scanTimeoutMs / 1000)} s.`,
          'Plex may be busy with a large scan; check the chain again later, or restart Plex.',
          fixAction('stack.restart', { services: ['plex'] }),
        );
      const items = await plex.searchSection(s.key, PLEX_SEARCH_TYPE.movie, sample.title);
      found = items.find((i) => partOf(i, media)) ?? null;
      if (!found)
        return broken(
          `Plex scanned ${folder} in library "${s.title}" but does not list ${posix.basename(media)}: the Plex container does not see the file Radarr imported.`,
          "Plex must mount the same data folder at /data as Radarr and Sonarr: start the stack again so Plex gets the stack's mounts; if the library's folder was changed by hand, point it back to /data/media/movies.",
          fixAction('stack.up', { services: ['plex'] }),
        );
      return passed(`Plex's scan of ${folder} lists "${found.title}" in library "${s.title}".`);
    },
  };

  const streamHop: ChainStep = {
    hop: 'stream',
    async run() {
      if (!imported || !found) throw new Error('the library hop did not run');
      // The closest check Plex's API allows without a player: the item answers with a part (its stream URL) for our file.
      const item = await plex.item(found.ratingKey);
      const part = item ? partOf(item, imported.media) : undefined;
      if (!item || !part)
        return broken(
          `Plex lists "${found.title}" but does not answer for it (item ${found.ratingKey}).`,
          'Restart Plex and check the chain again; if it persists, use "Scan Library Files" in Plex.',
          fixAction('stack.restart', { services: ['plex'] }),
        );
      return passed(`Plex answers for "${item.title}" with a playable part (${part.key}).`);
    },
  };

  return {
    steps: [importHop, libraryHop, streamHop],
    async cleanup() {
      await radarr.cleanup();
      await sample.remove();
      // Plex drops items whose files are gone on the next scan of their folder.
      if (imported && section) await scanFolder(plex, section.key, posix.dirname(imported.media), o);
      return passed('The sample is removed.');
    },
  };
}
