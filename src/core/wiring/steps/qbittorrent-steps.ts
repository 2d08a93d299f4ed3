// qBittorrent's desired state as wiring steps (save path, automatic management, categories, permanent login required for every address) and its link test.
import { posix } from 'node:path';
import type { QbittorrentClient, QbtPreferenceChanges } from '../clients/qbittorrent-client';
import type { LinkTest, PlannedChange, WiringStep } from '../wiring-types';
import { failedLink, okLink } from '../engine/link-result';
import { fixAction } from '../../contract/fix-action';

export interface QbittorrentDesired {
  /** Container path of the torrent tree: `/data/torrents` in the stack (a temp dir in tests). */
  savePath: string;
  /** Category name → folder under savePath; TRaSH layout, as the seed config writes it: `{ radarr: 'movies', 'tv-sonarr': 'tv' }`. */
  categories: Record<string, string>;
  username: string;
  /** The generated permanent password; the client logs in with it once it is set. */
  password: string;
}

const SERVICE = 'qbittorrent';
const trim = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
const change = (resource: string, action: PlannedChange['action'], reason: string): PlannedChange => ({
  service: SERVICE,
  resource,
  action,
  reason,
});

/** Automatic torrent management on, and torrents follow category/save-path changes, so the Arr apps' hardlinks work. */
const TMM = {
  auto_tmm_enabled: true,
  torrent_changed_tmm_enabled: true,
  save_path_changed_tmm_enabled: true,
  category_changed_tmm_enabled: true,
} as const;

export function qbittorrentSteps(client: QbittorrentClient, want: QbittorrentDesired): WiringStep[] {
  const preferences: WiringStep = {
    id: 'qbittorrent.preferences',
    service: SERVICE,
    dependsOn: [],
    async plan() {
      const prefs = await client.preferences();
      const login = await client.loggedInWith();
      const tmmOff = (Object.keys(TMM) as (keyof typeof TMM)[]).filter((k) => prefs[k] !== true);
      return [
        trim(prefs.save_path) === trim(want.savePath)
          ? change('save path', 'nothing', `already ${want.savePath}`)
          : change('save path', 'update', `is ${prefs.save_path}, should be ${want.savePath}`),
        tmmOff.length === 0
          ? change('automatic torrent management', 'nothing', 'already on, torrents follow category changes')
          : change('automatic torrent management', 'update', `off: ${tmmOff.join(', ')}`),
        // docs/decisions.md D17: WebApplication::isAuthNeeded skips the login for loopback when bypass_local_auth is on and for
        // whitelisted subnets (release-5.2.3 src/webui/webapplication.cpp); behind Docker's port forwarding either
        // can mean the whole LAN, so both stay off.
        prefs.bypass_local_auth === true || prefs.bypass_auth_subnet_whitelist_enabled === true
          ? change(
              'login for every address',
              'update',
              `the login is skipped for ${[prefs.bypass_local_auth ? 'localhost' : '', prefs.bypass_auth_subnet_whitelist_enabled ? 'whitelisted subnets' : ''].filter(Boolean).join(' and ')}`,
            )
          : change('login for every address', 'nothing', 'no address skips the login'),
        prefs.web_ui_username === want.username && login === 'credential'
          ? change('web ui login', 'nothing', `user ${want.username} with the generated password`)
          : change(
              'web ui login',
              'update',
              login === 'initial'
                ? 'still the initial password: set the generated one'
                : `user is ${prefs.web_ui_username}, should be ${want.username}`,
            ),
      ];
    },
    async apply(changes, progress) {
      const todo = new Set(changes.filter((c) => c.action !== 'nothing').map((c) => c.resource));
      const body: QbtPreferenceChanges = {};
      if (todo.has('save path')) body.save_path = want.savePath;
      if (todo.has('automatic torrent management')) Object.assign(body, TMM);
      if (todo.has('login for every address'))
        Object.assign(body, { bypass_local_auth: false, bypass_auth_subnet_whitelist_enabled: false });
      if (todo.has('web ui login'))
        Object.assign(body, { web_ui_username: want.username, web_ui_password: want.password });
      if (Object.keys(body).length === 0) return;
      progress({
        operationId: '',
        step: 'qbittorrent.preferences',
        current: 0,
        total: 1,
        message: `qBittorrent: setting ${[...todo].join(', ')}`,
      });
      // One request for all preferences: qBittorrent applies them together, so there is no half-set state.
      await client.setPreferences(body);
      if (todo.has('web ui login')) client.adoptCredential();
    },
  };

  const categories: WiringStep = {
    id: 'qbittorrent.categories',
    service: SERVICE,
    dependsOn: ['qbittorrent.preferences'],
    async plan() {
      const have = await client.categories();
      return Object.entries(want.categories).map(([name, folder]) => {
        const path = posix.join(want.savePath, folder);
        const cat = have[name];
        if (!cat) return change(`category ${name}`, 'create', `missing; save path ${path}`);
        if (trim(cat.savePath) !== trim(path))
          return change(`category ${name}`, 'update', `save path is ${cat.savePath || '(default)'}, should be ${path}`);
        return change(`category ${name}`, 'nothing', `exists with save path ${path}`);
      });
    },
    async apply(changes, progress) {
      const todo = changes.filter((c) => c.action !== 'nothing');
      let i = 0;
      for (const c of todo) {
        const name = c.resource.replace(/^category /, '');
        const path = posix.join(want.savePath, want.categories[name] ?? name);
        progress({
          operationId: '',
          step: 'qbittorrent.categories',
          current: i++,
          total: todo.length,
          message: `qBittorrent: ${c.action} category ${name}`,
        });
        if (c.action === 'create') await client.createCategory(name, path);
        else if (c.action === 'update') await client.editCategory(name, path);
      }
    },
  };

  return [preferences, categories];
}

/** ups → qBittorrent: the stored login opens a session and the API answers. */
export function qbittorrentLinkTest(client: QbittorrentClient): LinkTest {
  const base = { id: 'ups->qbittorrent', from: 'ups', to: 'qbittorrent' };
  return {
    ...base,
    async run() {
      try {
        const [version, api] = [await client.version(), await client.webApiVersion()];
        // A JSON round trip too: a proxy or login page in front of qBittorrent answers text, never valid preferences.
        await client.preferences();
        const login = await client.loggedInWith();
        if (login === 'initial')
          return {
            ...base,
            ok: false,
            detail: `qBittorrent ${version} still uses its initial password.`,
            fix: 'Repair the links to set the generated password.',
            action: fixAction('wiring.apply'),
          };
        return okLink(base, `qBittorrent ${version} (Web API ${api}) accepts the stored login.`);
      } catch (err) {
        return failedLink(base, err);
      }
    },
  };
}
