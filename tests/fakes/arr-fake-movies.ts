// Radarr's library and its import command on the Radarr fake, for the chain's import hop. Rules from Radarr (mirror
// v6.0.3.10276; the image pins 6.2.1.10461):
// - Radarr.Api.V3/Movies/MovieController.cs: POST needs tmdbId (MovieExistsValidator "This movie has already been
//   added"), a rootFolderPath that exists (RootFolderExistsValidator "Root folder '{path}' does not exist") and an
//   existing quality profile; the path is the root folder + the film's folder ("Title (Year)").
// - `movie/lookup/imdb`: Radarr asks its metadata service; here a table holding the chain's sample film only.
// - Radarr.Api.V3/Commands/CommandController.cs: the command's own properties ride at the top level of the body (read
//   raw, not through CommandResource), so the OpenAPI body check is skipped for it (`acceptRawBody`).
// - MediaFiles/DownloadedMovieCommandService.cs: a path that does not exist imports nothing; an import of nothing ends
//   `completed` with result `unsuccessful`. DownloadedMovieImportService.cs: the folder name is parsed and matched to
//   a library film ("Unknown Movie" otherwise). DetectSample.cs + NotSampleSpecification.cs: .flv/.strm/.iso/.img/.m2ts
//   skip the sample check; any other file is probed by ffprobe, which finds no runtime in the chain's zero-filled sample,
//   so it is refused ("Unable to determine if file is a sample") — the fake models that probe's result, not ffprobe.
// - ImportApprovedMovie.cs + MovieFileMovingService.cs: importMode `copy` copies, as a hardlink (HardLinkOrCopy: a link,
//   a copy when the link is refused) when media management's `copyUsingHardlinks` is on; Auto/Move of an untracked
//   download moves it. Renaming off (Radarr's default) keeps the file name.
import { copyFile, link, mkdir, readdir, rename, stat } from 'node:fs/promises';
import { extname, join, posix } from 'node:path';
import type { SpecFakeServer } from './spec-fake-server';
import { failures } from './arr-fake-checks';

type Json = Record<string, unknown>;

/** What Radarr's metadata service answers for the sample film (IMDb tt1254207). */
const known: Json[] = [
  {
    title: 'Big Buck Bunny',
    originalTitle: 'Big Buck Bunny',
    year: 2008,
    imdbId: 'tt1254207',
    tmdbId: 10378,
    runtime: 10,
    titleSlug: 'big-buck-bunny-10378',
    folder: 'Big Buck Bunny (2008)',
    images: [],
    genres: ['Animation'],
  },
];
const SKIP_SAMPLE_CHECK = new Set(['.flv', '.strm', '.iso', '.img', '.m2ts']);
const VIDEO = new Set(['.mkv', '.mp4', '.avi', '.m2ts', '.ts', '.strm', '.iso', '.img', '.flv']);

export interface MovieFakeState {
  movies: Json[];
  commands: Json[];
  /** The host folder the Radarr container sees as /data (null: Radarr sees no /data mount). */
  dataRoot: string | null;
}

export function addMovieRoutes(
  server: SpecFakeServer,
  o: {
    root: string;
    nextId: () => number;
    rootFolders: () => Json[];
    profiles: () => Json[];
    mediaManagement: () => Json;
  },
): MovieFakeState {
  const state: MovieFakeState = { movies: [], commands: [], dataRoot: null };
  const onHost = (p: string) => (state.dataRoot && p.startsWith('/data/') ? join(state.dataRoot, p.slice(6)) : null);
  const answer = (m: Json): Json => ({ ...m, hasFile: !!m.movieFile });

  async function importFolder(path: string, mode: string): Promise<{ ok: boolean; message: string }> {
    const dir = onHost(path);
    const exists = dir ? await stat(dir).catch(() => null) : null;
    if (!dir || !exists?.isDirectory()) return { ok: false, message: 'Failed to import' };
    const m = /^(.+) \((\d{4})\)$/.exec(posix.basename(path));
    const movie = m && state.movies.find((x) => x.title === m[1] && x.year === Number(m[2]));
    if (!movie) return { ok: false, message: 'Unknown Movie' };
    const files = (await readdir(dir)).filter((f) => VIDEO.has(extname(f).toLowerCase()));
    const file = files[0];
    if (!file) return { ok: false, message: 'No files found are eligible for import' };
    if (!SKIP_SAMPLE_CHECK.has(extname(file).toLowerCase()))
      return { ok: false, message: 'Unable to determine if file is a sample' };
    const target = `${String(movie.path)}/${file}`;
    const from = join(dir, file);
    const to = onHost(target)!;
    await mkdir(join(to, '..'), { recursive: true });
    if (mode === 'copy') {
      if (o.mediaManagement().copyUsingHardlinks === true)
        await link(from, to).catch(async (err: NodeJS.ErrnoException) => {
          if (err.code !== 'EXDEV') throw err;
          await copyFile(from, to);
        });
      else await copyFile(from, to);
    } else await rename(from, to);
    const size = (await stat(to)).size;
    movie.movieFile = { id: o.nextId(), movieId: movie.id, path: target, relativePath: file, size };
    return { ok: true, message: 'Completed' };
  }

  server
    .on(`GET ${o.root}/movie/lookup/imdb`, (req) => {
      const found = known.find((k) => k.imdbId === req.query.imdbId);
      return found ? { status: 200, body: found } : { status: 404, offSpec: 'Radarr 404: movie not found' };
    })
    .on(`GET ${o.root}/movie`, (req) => ({
      status: 200,
      body: state.movies.filter((m) => req.query.tmdbId === undefined || m.tmdbId === req.query.tmdbId).map(answer),
    }))
    .on(`GET ${o.root}/movie/{id}`, (req) => {
      const m = state.movies.find((x) => String(x.id) === req.pathParams.id);
      return m ? { status: 200, body: answer(m) } : { status: 404, offSpec: 'Radarr 404: movie not found' };
    })
    .on(`POST ${o.root}/movie`, (req) => {
      const body = req.body as Json;
      if (!body.tmdbId) return failures(["'Tmdb Id' must not be empty."], 'TmdbId');
      if (state.movies.some((m) => m.tmdbId === body.tmdbId))
        return failures(['This movie has already been added'], 'TmdbId');
      const rootPath = String(body.rootFolderPath ?? '');
      if (!o.rootFolders().some((r) => r.path === rootPath))
        return failures([`Root folder '${rootPath}' does not exist`], 'RootFolderPath');
      if (!o.profiles().some((p) => p.id === body.qualityProfileId))
        return failures(['Quality Profile does not exist'], 'QualityProfileId');
      const movie: Json = { ...body, id: o.nextId(), path: `${rootPath.replace(/\/+$/, '')}/${String(body.folder)}` };
      delete movie.addOptions;
      state.movies.push(movie);
      return { status: 201, body: answer(movie), offSpec: 'Radarr answers 201 Created (the spec declares 200)' };
    })
    .on(`DELETE ${o.root}/movie/{id}`, (req) => {
      state.movies = state.movies.filter((m) => String(m.id) !== req.pathParams.id);
      return { status: 200 };
    })
    .on(`DELETE ${o.root}/moviefile/{id}`, (req) => {
      for (const m of state.movies)
        if ((m.movieFile as Json | undefined)?.id === Number(req.pathParams.id)) delete m.movieFile;
      return { status: 200 };
    })
    .on(`POST ${o.root}/command`, (req) => {
      const body = req.body as Json;
      if (body.name !== 'DownloadedMoviesScan')
        return {
          status: 400,
          offSpec: 'the fake runs DownloadedMoviesScan only',
          body: { message: 'unknown command' },
        };
      if (typeof body.path !== 'string' || !body.path)
        return {
          status: 500,
          offSpec: 'Radarr: ArgumentException "A path must be provided"',
          body: { message: 'A path must be provided' },
        };
      const cmd: Json = {
        id: o.nextId(),
        name: 'DownloadedMoviesScan',
        commandName: 'Downloaded Movies Scan',
        status: 'queued',
        result: 'unknown',
        queued: new Date().toISOString(),
        trigger: 'manual',
      };
      state.commands.push(cmd);
      // The command queue runs it after the answer, as Radarr's does.
      setImmediate(() => {
        cmd.status = 'started';
        void importFolder(body.path as string, String(body.importMode ?? 'auto').toLowerCase())
          .then((r) =>
            Object.assign(cmd, {
              status: 'completed',
              result: r.ok ? 'successful' : 'unsuccessful',
              message: r.message,
            }),
          )
          .catch((err: Error) => Object.assign(cmd, { status: 'failed', message: err.message }));
      });
      return { status: 201, body: { ...cmd }, offSpec: 'Radarr answers 201 Created (the spec declares 200)' };
    })
    .on(`GET ${o.root}/command/{id}`, (req) => {
      const c = state.commands.find((x) => String(x.id) === req.pathParams.id);
      return c ? { status: 200, body: c } : { status: 404, offSpec: 'Radarr 404: command not found' };
    });
  server.acceptRawBody(`POST ${o.root}/command`);
  return state;
}
