// The /data tree (docs/decisions.md D7, TRaSH guides layout): one folder on one drive so imports are hardlinks, not copies.

/**
 * NZBGet categories, named as the folder each completes into: with an empty CategoryN.DestDir and AppendCategoryDir=yes
 * NZBGet writes to DestDir/<category name> verbatim (nzbget.conf, nzbgetcom/nzbget v26.0), and Linux paths are
 * case-sensitive, so the name IS the folder (the stock `Movies` would land beside `movies`).
 */
export const usenetCategories = [
  { arr: 'radarr', name: 'movies' },
  { arr: 'sonarr', name: 'tv' },
] as const;

/**
 * Tdarr's transcode cache (the server's /temp, compose/tdarr.yml), beside media/ under the data root (docs/decisions.md
 * D34): nodes on other PCs and the server hand files over through it, so it must sit on the storage those PCs already
 * reach for the library; on the same drive as media/, Tdarr's last step (cache file → library) is a rename, not a copy.
 * It is scratch space, never library content: the NAS migration does not copy what it holds (migrate/scan.ts).
 */
export const TDARR_CACHE_FOLDER = 'tdarr-cache';

/** Folders under /data, created before the first start (parents first). */
export const dataFolders = [
  'torrents',
  'torrents/movies',
  'torrents/tv',
  'usenet',
  'usenet/incomplete',
  'usenet/complete',
  'usenet/complete/movies',
  'usenet/complete/tv',
  'media',
  'media/movies',
  'media/tv',
  TDARR_CACHE_FOLDER,
] as const;

/** The folders a stack needs: Tdarr's cache only with Tdarr (a library without Tdarr gets no Tdarr folder). */
export function dataFoldersFor(tdarr: boolean): readonly string[] {
  return tdarr ? dataFolders : dataFolders.filter((d) => d !== TDARR_CACHE_FOLDER);
}

/** Shell (POSIX sh, busybox-compatible) that creates the layout inside a container with /data mounted. */
export function layoutScript(puid: number, pgid: number, folders: readonly string[] = dataFoldersFor(false)): string {
  const dirs = folders.map((d) => `/data/${d}`).join(' ');
  // chown only what we create: an existing library keeps its owners. Windows drives ignore chown, which is fine.
  return `for d in ${dirs}; do if [ ! -d "$d" ]; then mkdir -p "$d" && chown ${puid}:${pgid} "$d"; fi; done`;
}
