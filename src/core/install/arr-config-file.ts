// arr.yml (docs/decisions.md D32): the defaults written at install, the text form, and a parser whose every error names
// the line and the field, with a fix the user can perform in the file.
import { isMap, isSeq, LineCounter, parseDocument, stringify, type Document } from 'yaml';
import * as z from 'zod';
import {
  ArrConfigSchema,
  defaultCategories as categories,
  type ArrConfig,
  type QualityPresetName,
} from '../contract/arr-config';
import type { StackConfig } from '../contract';
import { ARR_CONFIG_FILE } from './install-layout';

export { ARR_CONFIG_FILE };

const HEADER = [
  '# Ultimate Plex Stack: how Radarr, Sonarr, Prowlarr, Bazarr and Seerr are set up (docs/decisions.md D32).',
  '# Yours to edit: the dashboard shows what would change (the wiring plan) before Apply writes it.',
  '# Items the file does not mention are left alone; `prune: true` in a section removes the others after you confirm.',
  '# Secrets are never written here: an indexer key is a reference such as { secret: indexer.<name>.apiKey }.',
  '',
].join('\n');

/**
 * The TRaSH guides' naming for Plex (trash-guides.info, "Recommended naming scheme"), by Radarr/Sonarr property names
 * (NamingConfigResource in Radarr v6.0.3.10276 / Sonarr v4.0.19.2979 src/*.Api.V3/Config/NamingConfigResource.cs).
 */
const naming = {
  radarr: {
    renameMovies: true,
    replaceIllegalCharacters: true,
    standardMovieFormat:
      '{Movie CleanTitle} {(Release Year)} {imdb-{ImdbId}} {edition-{Edition Tags}} {[Custom Formats]}{[Quality Full]}{-Release Group}',
    movieFolderFormat: '{Movie CleanTitle} ({Release Year}) {imdb-{ImdbId}}',
  },
  sonarr: {
    renameEpisodes: true,
    replaceIllegalCharacters: true,
    standardEpisodeFormat:
      '{Series TitleYear} - S{season:00}E{episode:00} - {Episode CleanTitle} {[Custom Formats]}{[Quality Full]}{-Release Group}',
    seriesFolderFormat: '{Series TitleYear} {imdb-{ImdbId}}',
    seasonFolderFormat: 'Season {season:00}',
  },
};

/** Hardlinks instead of copies (the one-filesystem /data layout, docs/decisions.md D7). */
const mediaManagement = { copyUsingHardlinks: true, importExtraFiles: false };

/** The file install writes for a new stack: the stack's folders and categories, the chosen preset, no indexers yet. */
export function defaultArrConfig(cfg: Pick<StackConfig, 'services'>, preset: QualityPresetName = '1080p'): ArrConfig {
  const clients = (app: 'radarr' | 'sonarr') => ({
    prune: false,
    ...(cfg.services.qbittorrent ? { qbittorrent: { category: categories[app].qbittorrent } } : {}),
    ...(cfg.services.nzbget ? { nzbget: { category: categories[app].nzbget } } : {}),
  });
  return ArrConfigSchema.parse({
    version: 1,
    radarr: {
      qualityProfile: { preset },
      rootFolders: { prune: false, paths: ['/data/media/movies'] },
      downloadClients: clients('radarr'),
      naming: naming.radarr,
      mediaManagement,
      plexLibraryUpdate: true,
    },
    sonarr: {
      qualityProfile: { preset },
      rootFolders: { prune: false, paths: ['/data/media/tv'] },
      downloadClients: clients('sonarr'),
      naming: naming.sonarr,
      mediaManagement,
      plexLibraryUpdate: true,
    },
    prowlarr: { indexers: { prune: false, items: [] } },
    // Providers that need no account (Bazarr v1.5.2 custom_libs/subliminal_patch/providers/).
    bazarr: {
      languages: ['en'],
      profileName: 'Default',
      providers: { prune: false, items: ['podnapisi', 'yifysubtitles', 'embeddedsubtitles'] },
    },
    seerr: { minimumAvailability: 'released', seasonFolders: true },
  });
}

/**
 * An existing arr.yml with the wizard's preset in Radarr's and Sonarr's quality profile, edited in place so the user's
 * comments and order stay; a file that cannot be read as YAML, or already says that preset, comes back unchanged.
 */
export function withQualityPreset(text: string, preset: QualityPresetName): string {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return text;
  let changed = false;
  for (const app of ['radarr', 'sonarr']) {
    const path = [app, 'qualityProfile', 'preset'];
    if (!doc.hasIn([app]) || doc.getIn(path) === preset) continue;
    doc.setIn(path, preset);
    changed = true;
  }
  return changed ? doc.toString({ lineWidth: 0 }) : text;
}

export function serializeArrConfig(cfg: ArrConfig): string {
  return HEADER + stringify(cfg, { lineWidth: 0, sortMapEntries: false });
}

export type ArrConfigParse =
  { ok: true; value: ArrConfig } | { ok: false; line?: number; field?: string; message: string; fix: string };

/** YAML text → ArrConfig, or the first problem with its line (1-based) and field path. */
export function parseArrConfig(text: string): ArrConfigParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
  const yamlError = doc.errors[0];
  if (yamlError) {
    return {
      ok: false,
      line: lineAt(yamlError.pos[0]),
      message: `not valid YAML: ${yamlError.message.split('\n')[0] ?? ''}`,
      fix: 'Fix the YAML syntax (indentation, colons, quotes) at that line.',
    };
  }
  const data: unknown = doc.toJS();
  const parsed = ArrConfigSchema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const field = path.map(String).join('.') || 'arr.yml';
  return {
    ok: false,
    line: lineAt(offsetOf(doc, path)),
    field,
    message: issue.code === 'unrecognized_keys' ? 'unknown setting' : issue.message,
    fix: fixFor(issue, field),
  };
}

/** The start of the deepest node on `path` that exists (a missing key points at its parent). */
function offsetOf(doc: Document, path: PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: [number] } | null)?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as { range?: [number] } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

function fixFor(issue: z.core.$ZodIssue, field: string): string {
  if (issue.code === 'unrecognized_keys')
    return `Remove ${field} (check the spelling against the documented settings in docs/arr-config.md).`;
  if (issue.code === 'invalid_value' && 'values' in issue)
    return `Set ${field} to one of: ${issue.values.map(String).join(', ')}.`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `Add ${field} (see docs/arr-config.md).`;
  return `Correct ${field}: ${issue.message}.`;
}
