// The sample item the chain follows: placed in the downloads tree as a finished download, imported by Radarr into the
// media tree (a hardlink when Radarr's "Use Hardlinks instead of Copy" is on), removed again. Paths are as the
// containers see them (/data/...); an implementation maps them to wherever it works.

export interface LinkFacts {
  inode: number;
  links: number;
}

export interface ImportedSample {
  /** The downloaded file, e.g. /data/torrents/movies/Big Buck Bunny (2008)/Big Buck Bunny (2008).m2ts. */
  download: string;
  /** Where Radarr's import put it, e.g. /data/media/movies/Big Buck Bunny (2008)/Big Buck Bunny (2008).m2ts. */
  media: string;
  /** stat of both after the import: a hardlink has one inode and two links. */
  downloadStat: LinkFacts;
  mediaStat: LinkFacts;
}

export interface PlacedSample {
  /** The download's folder, the path Radarr is asked to import. */
  folder: string;
  /** The file in it. */
  download: string;
}

export interface SamplePort {
  /** The title Plex will give the item (the file name without year and extension). */
  readonly title: string;
  /** Puts the sample in the downloads tree as a finished download. */
  placeDownload(): Promise<PlacedSample>;
  /** inode and link count of each path; null for a path that does not exist. */
  stat(paths: string[]): Promise<(LinkFacts | null)[]>;
  /** Removes the sample from both trees (and whatever else was made for it); safe to call when nothing was made. */
  remove(): Promise<void>;
}
