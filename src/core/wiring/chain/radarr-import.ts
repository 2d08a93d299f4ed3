// The import hop's Radarr half: the sample film in Radarr's library (added through its API when missing, taken out again
// afterwards) and Radarr's own import of the downloaded folder, waited for until the command ends.
// Radarr (mirror v6.0.3.10276; the image pins 6.2.1.10461): `POST /api/v3/command` takes the command's own properties at
// the top level (Radarr.Api.V3/Commands/CommandController.cs deserialises the raw body into the type whose name minus
// "Command" equals `name`); DownloadedMoviesScanCommand.cs has `path` and `importMode` ("used by third-party apps").
// importMode `copy` (MovieImport/ImportMode.cs): ImportApprovedMovie.cs copies instead of moving a download no client
// tracks, and MovieFileMovingService.cs `CopyMovieFile` hardlinks (TransferMode.HardLinkOrCopy) when the media
// management setting `copyUsingHardlinks` is on. An import that imported nothing still ends `completed`, with result
// `unsuccessful` (DownloadedMovieCommandService.cs).
import * as z from 'zod';
import type { ArrClient } from '../clients/arr-common';
import { fixAction } from '../../contract/fix-action';
import { broken, type HopOutcome } from './chain-run';

/**
 * The film the sample pretends to be: Radarr only adds films its metadata service knows, and names the import after
 * the library entry. Big Buck Bunny (2008, Blender Foundation, CC BY) — IMDb tt1254207 — is freely licensed.
 */
export const SAMPLE_FILM = { title: 'Big Buck Bunny', year: 2008, imdbId: 'tt1254207' } as const;

const MovieSchema = z.looseObject({
  id: z.number().int().optional(),
  title: z.string().nullable().optional(),
  tmdbId: z.number().int(),
  path: z.string().nullable().optional(),
  hasFile: z.boolean().nullable().optional(),
  movieFile: z.looseObject({ id: z.number().int(), path: z.string().nullable().optional() }).nullable().optional(),
});
const CommandSchema = z.looseObject({
  id: z.number().int(),
  status: z.string(),
  result: z.string().optional(),
  message: z.string().nullable().optional(),
});
const ENDED = new Set(['completed', 'failed', 'aborted', 'cancelled', 'orphaned']);

export interface RadarrImportOptions {
  timeoutMs?: number;
  pollMs?: number;
}

export interface RadarrImporter {
  /** Imports the sample's download folder; the media file's path (as containers see it), or why it was not imported. */
  importFolder(folder: string): Promise<{ media: string } | HopOutcome>;
  /** Takes out what the import put in Radarr: the film when the check added it, else only the sample's file. */
  cleanup(): Promise<void>;
}

export function radarrImporter(radarr: ArrClient, opts: RadarrImportOptions = {}): RadarrImporter {
  const o = { timeoutMs: opts.timeoutMs ?? 60_000, pollMs: opts.pollMs ?? 500 };
  let added: number | null = null;
  let importedFile: number | null = null;

  type Found = { movie: z.infer<typeof MovieSchema> } | { outcome: HopOutcome };
  async function libraryMovie(): Promise<Found> {
    const found = await radarr.getJson(MovieSchema, `movie/lookup/imdb?imdbId=${SAMPLE_FILM.imdbId}`);
    const [existing] = await radarr.getJson(z.array(MovieSchema), `movie?tmdbId=${found.tmdbId}`);
    if (existing) return { movie: existing };
    const profile = (await radarr.qualityProfiles())[0];
    const root = (await radarr.rootFolders())[0];
    if (!profile || !root)
      return {
        outcome: broken(
          'Radarr has no quality profile or no root folder, so it cannot take the sample film into its library.',
          'Repair the links: they create the Movies root folder and the quality profiles.',
          fixAction('wiring.apply'),
        ),
      };
    const body = {
      ...found,
      qualityProfileId: profile.id,
      rootFolderPath: root.path,
      monitored: false,
      addOptions: { searchForMovie: false },
    };
    const movie = await radarr.writeJson(
      MovieSchema,
      'POST',
      'movie',
      body,
      `add the sample film ${SAMPLE_FILM.title}`,
    );
    added = movie.id ?? null;
    return { movie };
  }

  return {
    async importFolder(folder) {
      const found = await libraryMovie();
      if ('outcome' in found) return found.outcome;
      const { movie } = found;
      if (movie.hasFile)
        return broken(
          `Radarr already has a file for ${SAMPLE_FILM.title} (${SAMPLE_FILM.year}), so the check's sample would replace it.`,
          `Leave this check out, or remove ${SAMPLE_FILM.title} from Radarr first if it is not a film you keep.`,
        );
      const started = await radarr.writeJson(
        CommandSchema,
        'POST',
        'command',
        { name: 'DownloadedMoviesScan', path: folder, importMode: 'copy' },
        'start the import',
      );
      const deadline = Date.now() + o.timeoutMs;
      let cmd = started;
      while (!ENDED.has(cmd.status)) {
        if (Date.now() > deadline)
          return broken(
            `Radarr did not finish importing ${folder} within ${Math.round(o.timeoutMs / 1000)} s.`,
            'Radarr may be busy (Activity → Queue, System → Tasks); check the chain again later.',
          );
        await new Promise((r) => setTimeout(r, o.pollMs));
        cmd = await radarr.getJson(CommandSchema, `command/${started.id}`);
      }
      const after = await radarr.getJson(MovieSchema, `movie/${movie.id}`);
      if (cmd.status !== 'completed' || cmd.result === 'unsuccessful' || !after.movieFile?.path)
        return broken(
          `Radarr did not import the sample from ${folder} (${cmd.status}${cmd.result ? `, ${cmd.result}` : ''}${cmd.message ? `: ${cmd.message}` : ''}).`,
          'Radarr must see the downloads at the same /data path as the download client: start the stack again so every service gets the /data mount, then look at Radarr → Activity for the reason.',
          fixAction('stack.up', { services: ['radarr'] }),
        );
      importedFile = after.movieFile.id;
      return { media: after.movieFile.path };
    },
    async cleanup() {
      // The files themselves are the sample port's to remove; this only takes the entries out of Radarr.
      if (added !== null) await radarr.http.send({ method: 'DELETE', path: `/api/v3/movie/${added}` });
      else if (importedFile !== null)
        await radarr.http.send({ method: 'DELETE', path: `/api/v3/moviefile/${importedFile}` });
      added = null;
      importedFile = null;
    },
  };
}
