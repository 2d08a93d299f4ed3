// Library hooks over the Radarr/Sonarr v3 APIs: rescan (RescanMovie / RescanSeries command, waited to completion) and
// count what the app sees on disk (movies with a file; episode files over all series), so the switch can prove each app
// still finds the same library at the same container paths. Shapes from the official v3 OpenAPI files.
import * as z from 'zod';
import type { LibraryHook } from './switch';

export interface ArrHookOptions {
  app: 'radarr' | 'sonarr';
  /** e.g. http://127.0.0.1:7878 */
  url: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** How long a rescan may take before the switch gives up (and switches back). */
  timeoutMs?: number;
  pollMs?: number;
}

const CommandSchema = z.object({
  id: z.number(),
  status: z.enum(['queued', 'started', 'completed', 'failed', 'aborted', 'cancelled', 'orphaned']).optional(),
  message: z.string().nullish(),
});
const MoviesSchema = z.array(z.object({ hasFile: z.boolean().nullish() }));
const SeriesSchema = z.array(z.object({ statistics: z.object({ episodeFileCount: z.number() }).nullish() }));

export function arrLibraryHook(o: ArrHookOptions): LibraryHook {
  const f = o.fetch ?? fetch;
  const call = async <T>(schema: z.ZodType<T>, path: string, init?: { method: string; body: unknown }): Promise<T> => {
    const res = await f(`${o.url.replace(/\/$/, '')}${path}`, {
      method: init?.method ?? 'GET',
      headers: { 'X-Api-Key': o.apiKey, ...(init ? { 'content-type': 'application/json' } : {}) },
      ...(init ? { body: JSON.stringify(init.body) } : {}),
    });
    if (!res.ok) throw new Error(`${o.app} ${path} answered HTTP ${res.status}`);
    const parsed = schema.safeParse(await res.json());
    if (!parsed.success)
      throw new Error(`${o.app} ${path} answered an unexpected shape: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  };
  return {
    name: o.app,
    async rescan() {
      const cmd = await call(CommandSchema, '/api/v3/command', {
        method: 'POST',
        body: { name: o.app === 'radarr' ? 'RescanMovie' : 'RescanSeries' },
      });
      const until = Date.now() + (o.timeoutMs ?? 300_000);
      for (let c = cmd; ; c = await call(CommandSchema, `/api/v3/command/${cmd.id}`)) {
        if (c.status === 'completed') return;
        if (c.status && ['failed', 'aborted', 'cancelled', 'orphaned'].includes(c.status))
          throw new Error(`${o.app} rescan ${c.status}${c.message ? `: ${c.message}` : ''}`);
        if (Date.now() > until) throw new Error(`${o.app} rescan did not finish in time`);
        await new Promise((r) => setTimeout(r, o.pollMs ?? 1000));
      }
    },
    async count() {
      if (o.app === 'radarr') return (await call(MoviesSchema, '/api/v3/movie')).filter((m) => m.hasFile).length;
      return (await call(SeriesSchema, '/api/v3/series')).reduce(
        (n, s) => n + (s.statistics?.episodeFileCount ?? 0),
        0,
      );
    },
  };
}
