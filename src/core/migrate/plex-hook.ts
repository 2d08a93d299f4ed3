// Library hooks over the Plex Media Server API for the switch: one per library section (scan it, wait until Plex has
// finished, count what it holds: movies in a movie section, episodes in a TV section), or, when Plex cannot be asked
// (no sign-in stored, no library yet), one skipped hook whose reason the switch reports instead of a silent pass.
import { PLEX_SEARCH_TYPE, type PlexSection, type PlexServerClient } from '../plex/plex-server-client';
import type { LibraryHook } from './switch';

export type PlexLibraryClient = Pick<PlexServerClient, 'sections' | 'refreshSection' | 'countItems'>;

export interface PlexHookOptions {
  client: PlexLibraryClient;
  /** Whether a Plex sign-in (vault `plex.token`) is stored; without one a claimed server answers nothing. */
  hasToken(): Promise<boolean>;
  /** How long one section's scan may take before the switch gives up (and switches back). */
  timeoutMs?: number;
  pollMs?: number;
}

export const PLEX_HOOK = 'plex';

/** What one item is when comparing: a movie file in a movie library, an episode in a TV library (show counts would
 * hide a lost episode); other library kinds count their default item type. */
const countedType: Partial<Record<string, number>> = { movie: PLEX_SEARCH_TYPE.movie, show: PLEX_SEARCH_TYPE.episode };

const refreshing = (s: PlexSection) => s.refreshing === true || s.refreshing === 1;

function skipped(reason: string): LibraryHook[] {
  return [{ name: PLEX_HOOK, skipped: reason, count: () => Promise.reject(new Error(reason)) }];
}

export async function plexLibraryHooks(o: PlexHookOptions): Promise<LibraryHook[]> {
  if (!(await o.hasToken())) {
    return skipped(
      'no Plex sign-in is stored (plex.token), so Plex libraries were not scanned or compared; sign in to Plex before the switch to have them checked',
    );
  }
  const sections = await o.client.sections();
  if (sections.length === 0)
    return skipped('Plex has no libraries yet, so there was nothing of Plex to scan or compare');
  return sections.map((s) => sectionHook(o, s));
}

function sectionHook(o: PlexHookOptions, section: PlexSection): LibraryHook {
  const find = async (): Promise<PlexSection> => {
    const s = (await o.client.sections()).find((x) => x.key === section.key);
    if (!s) throw new Error(`Plex no longer has the library "${section.title}"`);
    return s;
  };
  return {
    name: `${PLEX_HOOK}:${section.title}`,
    async rescan() {
      const before = (await find()).scannedAt;
      await o.client.refreshSection(section.key);
      const timeoutMs = o.timeoutMs ?? 600_000;
      const until = Date.now() + timeoutMs;
      // The scan may not have begun at the first look (refreshing still false): done means refreshing was seen and is
      // over, or a newer finished scan is recorded (a scan quicker than one poll).
      for (let seen = false; ;) {
        const s = await find();
        if (refreshing(s)) seen = true;
        else if (seen || (s.scannedAt !== undefined && s.scannedAt !== before)) return;
        if (Date.now() > until)
          throw new Error(`Plex did not finish scanning "${section.title}" within ${timeoutMs / 1000} s`);
        await new Promise((r) => setTimeout(r, o.pollMs ?? 1000));
      }
    },
    count: () => o.client.countItems(section.key, countedType[section.type]),
  };
}
