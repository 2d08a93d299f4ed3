// Provider templates the Arr fakes answer on `…/schema`. Field names, defaults and privacy follow the services' own
// settings classes (Radarr/Sonarr/Prowlarr `Download/Clients/QBittorrent/QBittorrentSettings.cs`,
// `Download/Clients/Nzbget/NzbgetSettings.cs`, Prowlarr `Applications/{Radarr,Sonarr}/*Settings.cs`); the resource
// shape is checked against the OpenAPI files by the fake itself, so an undeclared property fails the test.

type App = 'radarr' | 'sonarr' | 'prowlarr';
type Json = Record<string, unknown>;

function field(order: number, name: string, value: unknown, type = 'textbox', privacy = 'normal'): Json {
  return { order, name, label: name, value, type, advanced: false, privacy, isFloat: false };
}

function clientFields(app: App, client: 'qbittorrent' | 'nzbget'): Json[] {
  const port = client === 'qbittorrent' ? 8080 : 6789;
  const common = [
    field(0, 'host', 'localhost'),
    field(1, 'port', port, 'number'),
    field(2, 'useSsl', false, 'checkbox'),
    field(3, 'urlBase', null),
    field(4, 'username', null, 'textbox', 'userName'),
    field(5, 'password', null, 'password', 'password'),
  ];
  const cat = app === 'radarr' ? 'movieCategory' : app === 'sonarr' ? 'tvCategory' : 'category';
  // The settings classes' constructors: Radarr "radarr"/"Movies", Sonarr "tv-sonarr"/"tv", Prowlarr "prowlarr"/"Prowlarr"
  // (Radarr v6.0.3.10276, Sonarr v4.0.19.2979, Prowlarr v2.3.5.5327).
  const defaults: Record<App, [string, string]> = {
    radarr: ['radarr', 'Movies'],
    sonarr: ['tv-sonarr', 'tv'],
    prowlarr: ['prowlarr', 'Prowlarr'],
  };
  const catDefault = defaults[app][client === 'qbittorrent' ? 0 : 1];
  const extra =
    client === 'qbittorrent'
      ? [
          field(6, cat, catDefault),
          field(7, 'initialState', 0, 'select'),
          field(8, 'sequentialOrder', false, 'checkbox'),
          field(9, 'firstAndLast', false, 'checkbox'),
        ]
      : [field(6, cat, catDefault), field(7, 'addPaused', false, 'checkbox')];
  return [...common, ...extra];
}

function downloadClient(app: App, client: 'qbittorrent' | 'nzbget'): Json {
  const base: Json = {
    enable: true,
    protocol: client === 'qbittorrent' ? 'torrent' : 'usenet',
    priority: 1,
    name: '',
    fields: clientFields(app, client),
    implementationName: client === 'qbittorrent' ? 'qBittorrent' : 'NZBGet',
    implementation: client === 'qbittorrent' ? 'QBittorrent' : 'Nzbget',
    configContract: client === 'qbittorrent' ? 'QBittorrentSettings' : 'NzbgetSettings',
    infoLink: `https://wiki.servarr.com/${app}/supported#${client}`,
    tags: [],
    presets: [],
  };
  if (app === 'prowlarr') return { ...base, categories: [], supportsCategories: true };
  return { ...base, removeCompletedDownloads: true, removeFailedDownloads: true };
}

function application(app: 'Radarr' | 'Sonarr'): Json {
  const port = app === 'Radarr' ? 7878 : 8989;
  return {
    syncLevel: 'fullSync',
    name: '',
    fields: [
      field(0, 'prowlarrUrl', 'http://localhost:9696'),
      field(1, 'baseUrl', `http://localhost:${port}`),
      field(2, 'apiKey', null, 'textbox', 'apiKey'),
      field(3, 'syncCategories', app === 'Radarr' ? [2000, 2010, 2020] : [5000, 5010, 5020], 'select'),
    ],
    implementationName: app,
    implementation: app,
    configContract: `${app}Settings`,
    infoLink: `https://wiki.servarr.com/prowlarr/supported#${app.toLowerCase()}`,
    tags: [],
    presets: [],
  };
}

export function templatesFor(app: App): { downloadclient: Json[]; applications: Json[] } {
  return {
    downloadclient: [downloadClient(app, 'qbittorrent'), downloadClient(app, 'nzbget')],
    applications: app === 'prowlarr' ? [application('Radarr'), application('Sonarr')] : [],
  };
}
