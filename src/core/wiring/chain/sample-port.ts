// The sample item the chain follows: placed in the downloads tree, imported into the media tree as a hardlink, removed.
// Paths are as the containers see them (/data/...); an implementation maps them to wherever it works.

export interface LinkFacts {
  inode: number;
  links: number;
}

export interface ImportedSample {
  /** The downloaded file, e.g. /data/torrents/movies/UPS Chain Check 1a2b (2000)/UPS Chain Check 1a2b (2000).mkv. */
  download: string;
  /** Where the import put it, e.g. /data/media/movies/UPS Chain Check 1a2b (2000)/UPS Chain Check 1a2b (2000).mkv. */
  media: string;
  /** stat of both after the import: a hardlink has one inode and two links. */
  downloadStat: LinkFacts;
  mediaStat: LinkFacts;
}

export interface SamplePort {
  /** The title Plex will give the item (the file name without year and extension). */
  readonly title: string;
  /** Puts the sample in the downloads tree and imports it into the media tree the way Radarr imports (a hardlink). */
  importSample(): Promise<ImportedSample>;
  /** Removes the sample from both trees (and whatever else was made for it); safe to call when nothing was made. */
  remove(): Promise<void>;
}
