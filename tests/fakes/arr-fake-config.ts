// What the Arr fakes add for arr.yml: Radarr/Sonarr quality profiles, naming and media management, the PlexServer
// connection; Prowlarr's indexer definitions, indexers and app profiles. Each rule cites the upstream file it models
// (Radarr v6.0.3.10276, Sonarr v4.0.19.2979, Prowlarr v2.3.5.5327; paths under src/).
import type { FakeReply, FakeRequest } from './spec-fake-server';
import { failures, fieldValue, type ArrApp, type Failure, type FakeNetwork } from './arr-fake-checks';

type Json = Record<string, unknown>;

// ---- quality profiles ----

/**
 * The schema answer: the default profile with nothing allowed (QualityProfileSchemaController.GetSchema →
 * QualityProfileService.GetDefaultProfile('')), qualities grouped by weight as Quality.cs DefaultQualityDefinitions does
 * (group ids from 1000). Trimmed to the SD/720p/1080p/2160p rows the presets touch; ids and names are Radarr's.
 */
const rows: (string | [string, string[]])[] = [
  'Unknown',
  'SDTV',
  'DVD',
  'HDTV-720p',
  ['WEB 720p', ['WEBDL-720p', 'WEBRip-720p']],
  'Bluray-720p',
  'HDTV-1080p',
  ['WEB 1080p', ['WEBDL-1080p', 'WEBRip-1080p']],
  'Bluray-1080p',
  'Remux-1080p',
  'HDTV-2160p',
  ['WEB 2160p', ['WEBDL-2160p', 'WEBRip-2160p']],
  'Bluray-2160p',
  'Remux-2160p',
];
const qualityIds: Record<string, number> = {
  Unknown: 0,
  SDTV: 1,
  DVD: 2,
  'HDTV-720p': 4,
  'WEBDL-720p': 5,
  'WEBRip-720p': 14,
  'Bluray-720p': 6,
  'HDTV-1080p': 9,
  'WEBDL-1080p': 3,
  'WEBRip-1080p': 15,
  'Bluray-1080p': 7,
  'Remux-1080p': 30,
  'HDTV-2160p': 16,
  'WEBDL-2160p': 18,
  'WEBRip-2160p': 17,
  'Bluray-2160p': 19,
  'Remux-2160p': 31,
};

function quality(app: ArrApp, name: string): Json {
  const resolution = Number(/(\d{3,4})p/.exec(name)?.[1] ?? 0);
  // The Quality resource differs: Radarr has `modifier` and lower-case sources; Sonarr's sources are its own enum.
  const src = name.startsWith('WEBDL')
    ? ['webdl', 'web']
    : name.startsWith('WEBRip')
      ? ['webrip', 'webRip']
      : name.startsWith('Bluray') || name.startsWith('Remux')
        ? ['bluray', 'bluray']
        : name.startsWith('HDTV') || name === 'SDTV'
          ? ['tv', 'television']
          : name === 'DVD'
            ? ['dvd', 'dvd']
            : ['unknown', 'unknown'];
  const base = { id: qualityIds[name], name, resolution };
  return app === 'radarr'
    ? { ...base, source: src[0], modifier: name.startsWith('Remux') ? 'remux' : 'none' }
    : { ...base, source: src[1] };
}

export function qualityProfileTemplate(app: ArrApp): Json {
  let groupId = 1000;
  const items = rows.map((r) =>
    typeof r === 'string'
      ? { quality: quality(app, r), items: [], allowed: false }
      : {
          id: groupId++,
          name: r[0],
          items: r[1].map((q) => ({ quality: quality(app, q), items: [], allowed: false })),
          allowed: false,
        },
  );
  return {
    name: '',
    upgradeAllowed: false,
    cutoff: 0,
    items,
    minFormatScore: 0,
    cutoffFormatScore: 0,
    minUpgradeFormatScore: 1,
    formatItems: [],
    ...(app === 'radarr' ? { language: { id: -2, name: 'Original' } } : {}),
  };
}

/**
 * QualityProfileController's validators: Name NotEmpty, MinUpgradeFormatScore >= 1, ValidCutoff (QualityCutoffValidator.cs:
 * "Cutoff must be an allowed quality or group"), ValidItems (QualityItemsValidator.cs: "Must contain at least one allowed
 * quality", …).
 */
export function profileFailures(p: Json): Failure[] {
  const out: Failure[] = [];
  if (!p.name) out.push({ message: "'Name' must not be empty.", property: 'Name' });
  if (typeof p.minUpgradeFormatScore === 'number' && p.minUpgradeFormatScore < 1)
    out.push({
      message: "'Min Upgrade Format Score' must be greater than or equal to '1'.",
      property: 'MinUpgradeFormatScore',
    });
  const items = (p.items as Json[] | undefined) ?? [];
  if (!items.some((i) => i.allowed === true))
    out.push({ message: 'Must contain at least one allowed quality', property: 'Items' });
  const cutoff = items.find((i) => (i.quality ? (i.quality as Json).id === p.cutoff : i.id === p.cutoff));
  if (!cutoff || cutoff.allowed !== true)
    out.push({ message: 'Cutoff must be an allowed quality or group', property: 'Cutoff' });
  return out;
}

// ---- naming / media management (NamingConfigResource, MediaManagementConfigResource; GET then PUT by id) ----

export function namingDefaults(app: ArrApp): Json {
  return app === 'radarr'
    ? {
        id: 1,
        renameMovies: false,
        replaceIllegalCharacters: true,
        colonReplacementFormat: 'smart',
        standardMovieFormat: '{Movie Title} ({Release Year}) {Quality Full}',
        movieFolderFormat: '{Movie Title} ({Release Year})',
      }
    : {
        id: 1,
        renameEpisodes: false,
        replaceIllegalCharacters: true,
        colonReplacementFormat: 4,
        customColonReplacementFormat: '',
        multiEpisodeStyle: 5,
        standardEpisodeFormat: '{Series Title} - S{season:00}E{episode:00} - {Episode Title} {Quality Full}',
        dailyEpisodeFormat: '{Series Title} - {Air-Date} - {Episode Title} {Quality Full}',
        animeEpisodeFormat: '{Series Title} - S{season:00}E{episode:00} - {Episode Title} {Quality Full}',
        seriesFolderFormat: '{Series Title}',
        seasonFolderFormat: 'Season {season}',
        specialsFolderFormat: 'Specials',
      };
}

export function mediaManagementDefaults(): Json {
  return { id: 1, copyUsingHardlinks: true, importExtraFiles: false, deleteEmptyFolders: false, recycleBin: '' };
}

// ---- notifications: PlexServer (Notifications/Plex/Server/PlexServerSettings.cs) ----

function nField(order: number, name: string, value: unknown, type = 'textbox', privacy = 'normal'): Json {
  return { order, name, label: name, value, type, advanced: false, privacy, isFloat: false };
}

export function notificationTemplates(app: ArrApp): Json[] {
  return [
    {
      name: '',
      fields: [
        nField(0, 'server', null, 'select'),
        nField(1, 'host', ''),
        nField(2, 'port', 32400, 'number'),
        nField(3, 'useSsl', false, 'checkbox'),
        nField(4, 'urlBase', null),
        nField(5, 'authToken', null, 'textbox', 'apiKey'),
        nField(6, 'signIn', 'startOAuth', 'oAuth'),
        nField(7, 'updateLibrary', true, 'checkbox'),
        nField(8, 'mapFrom', null),
        nField(9, 'mapTo', null),
      ],
      implementationName: 'Plex Media Server',
      implementation: 'PlexServer',
      configContract: 'PlexServerSettings',
      infoLink: `https://wiki.servarr.com/${app}/supported#plexserver`,
      tags: [],
      presets: [],
      onGrab: false,
      onDownload: false,
      onUpgrade: false,
      onRename: false,
    },
  ];
}

/** NotificationDefinition.Enable: any "on…" trigger set. */
export const notificationEnabled = (p: Json) => Object.entries(p).some(([k, v]) => /^on[A-Z]/.test(k) && v === true);

/**
 * PlexServerService.Test: lists Plex's library sections at host:port with the token. 401 → "Authentication Token is
 * invalid" (AuthToken); no section → "At least one Movie library is required" (Host); unreachable → "Unable to connect
 * to Plex Media Server" (Host). Messages from Localization/Core/en.json.
 */
export async function testPlexNotification(p: Json, network: FakeNetwork): Promise<Failure[]> {
  const hostPort = `${String(fieldValue(p, 'host'))}:${String(fieldValue(p, 'port'))}`;
  const target = network[hostPort];
  const unreachable = [{ message: 'Unable to connect to Plex Media Server', property: 'Host' }];
  if (!target) return unreachable;
  try {
    const res = await fetch(`${target.url}/library/sections`, {
      headers: { 'X-Plex-Token': String(fieldValue(p, 'authToken') ?? ''), accept: 'application/json' },
      signal: AbortSignal.timeout(2000),
    });
    if (res.status === 401) return [{ message: 'Authentication Token is invalid', property: 'AuthToken' }];
    if (!res.ok) return unreachable;
    const body = (await res.json()) as { MediaContainer?: { Directory?: unknown[] } };
    if ((body.MediaContainer?.Directory ?? []).length === 0)
      return [{ message: 'At least one Movie library is required', property: 'Host' }];
    return [];
  } catch {
    return unreachable;
  }
}

// ---- Prowlarr indexers ----

function iField(order: number, name: string, value: unknown, extra: Json = {}): Json {
  return {
    order,
    name,
    label: name,
    value,
    type: 'textbox',
    advanced: false,
    privacy: 'normal',
    isFloat: false,
    ...extra,
  };
}

/**
 * A few entries of `indexer/schema` (IndexerFactory.GetDefaultDefinitions: every Cardigann definition with its
 * `definitionName`, and the built-in implementations). Cardigann's own fields: `definitionFile` (hidden,
 * CardigannSettings.cs), `baseUrl` (NoAuthTorrentBaseSettings.cs), then the definition's settings.
 */
export function indexerTemplates(): Json[] {
  const common = (o: Json): Json => ({
    enable: true,
    redirect: false,
    supportsRss: true,
    supportsSearch: true,
    supportsRedirect: false,
    supportsPagination: false,
    appProfileId: 0,
    priority: 25,
    downloadClientId: 0,
    tags: [],
    presets: [],
    name: '',
    language: 'en-US',
    ...o,
  });
  const cardigann = (def: string, privacy: string, url: string, extra: Json[]) =>
    common({
      // IndexerFactory.GetDefaultDefinitions (Prowlarr v2.3.5.5327): each entry is named after its definition.
      name: def,
      definitionName: def,
      implementation: 'Cardigann',
      implementationName: 'Cardigann',
      configContract: 'CardigannSettings',
      infoLink: `https://wiki.servarr.com/prowlarr/supported-indexers#${def}`,
      description: `${def} is a ${privacy} torrent site`,
      protocol: 'torrent',
      privacy,
      indexerUrls: [url],
      fields: [
        iField(0, 'definitionFile', def, { hidden: 'hidden' }),
        iField(1, 'baseUrl', null, { type: 'select' }),
        ...extra,
        iField(20, 'baseSettings.limitsUnit', 0, { type: 'select', advanced: true }),
        iField(21, 'torrentBaseSettings.appMinimumSeeders', null, { type: 'number', advanced: true }),
      ],
    });
  return [
    cardigann('1337x', 'public', 'https://1337x.example/', [iField(2, 'sort', 2, { type: 'select' })]),
    cardigann('knaben', 'public', 'https://knaben.example/', []),
    cardigann('iptorrents', 'private', 'https://iptorrents.example/', [
      iField(2, 'cookie', '', { privacy: 'password' }),
      iField(3, 'freeleech', false, { type: 'checkbox' }),
    ]),
    common({
      implementation: 'Newznab',
      name: 'Generic Newznab',
      implementationName: 'Newznab',
      configContract: 'NewznabSettings',
      infoLink: 'https://wiki.servarr.com/prowlarr/supported-indexers#newznab',
      description: 'Newznab is an API search specification for Usenet',
      protocol: 'usenet',
      privacy: 'private',
      supportsRedirect: true,
      redirect: true,
      indexerUrls: [],
      fields: [iField(0, 'baseUrl', ''), iField(1, 'apiPath', '/api'), iField(2, 'apiKey', '', { privacy: 'apiKey' })],
    }),
  ];
}

export const appProfiles = [
  {
    id: 1,
    name: 'Standard',
    enableRss: true,
    enableAutomaticSearch: true,
    enableInteractiveSearch: true,
    minimumSeeders: 1,
  },
];

/**
 * Save-time validation before any test (ProviderControllerBase.cs: Name NotEmpty and unique ignoring case,
 * Implementation/ConfigContract NotEmpty; IndexerController.cs: Priority 1..50, AppProfileId valid and existing).
 */
export function indexerSaveFailures(p: Json, others: Json[]): Failure[] {
  const out: Failure[] = [];
  const name = String(p.name ?? '');
  if (!name) out.push({ message: "'Name' must not be empty.", property: 'Name' });
  if (others.some((o) => String(o.name ?? '').toLowerCase() === name.toLowerCase() && o.id !== p.id))
    out.push({ message: 'Should be unique', property: 'Name' });
  if (!p.implementation) out.push({ message: "'Implementation' must not be empty.", property: 'Implementation' });
  if (!p.configContract) out.push({ message: "'Config Contract' must not be empty.", property: 'ConfigContract' });
  const priority = Number(p.priority);
  if (!(priority >= 1 && priority <= 50))
    out.push({ message: `'Priority' must be between 1 and 50. You entered ${priority}.`, property: 'Priority' });
  if (!appProfiles.some((a) => a.id === p.appProfileId))
    out.push({ message: 'App Profile does not exist', property: 'AppProfileId' });
  return out;
}

/**
 * IndexerResourceMapper.ToModel (IndexerResource.cs): a Cardigann field the definition does not declare throws
 * ArgumentOutOfRangeException("Unknown Cardigann setting.") → an HTTP 500 from the error pipeline.
 */
export function unknownCardigannField(p: Json): string | null {
  if (p.implementation !== 'Cardigann') return null;
  const def = String(fieldValue(p, 'definitionFile') ?? '');
  const template = indexerTemplates().find((t) => t.definitionName === def);
  const known = new Set(((template?.fields as Json[] | undefined) ?? []).map((f) => f.name));
  const bad = ((p.fields as Json[] | undefined) ?? []).find((f) => !known.has(f.name));
  return bad ? String(bad.name) : null;
}

/**
 * The indexer's Test() (HttpIndexerBase.TestConnection): a query against the site; failing to reach it answers
 * "Unable to connect to indexer, check the log above the ValidationFailure for more details. …". The site is reached
 * through the fake network by the host of `baseUrl` (or the definition's first URL).
 */
export async function testIndexer(p: Json, network: FakeNetwork): Promise<Failure[]> {
  const urls = (p.indexerUrls as string[] | undefined) ?? [];
  const base = String(fieldValue(p, 'baseUrl') ?? '') || urls[0] || '';
  let host = '';
  try {
    host = new URL(base).host;
  } catch {
    return [{ message: 'Invalid base URL', property: 'BaseUrl' }];
  }
  const fail = [
    { message: `Unable to connect to indexer, check the log above the ValidationFailure for more details. ${host}` },
  ];
  const target = network[host];
  if (!target) return fail;
  try {
    const res = await fetch(target.url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.ok ? [] : fail;
  } catch {
    return fail;
  }
}

export const refuse = (list: Failure[]): FakeReply => failures(list);
export type { FakeRequest };
