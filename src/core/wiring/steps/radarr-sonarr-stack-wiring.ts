// The Arr side of the wiring built from StackConfig + vault: Radarr, Sonarr, Prowlarr, Bazarr, Plex, Seerr and (when the
// proxy is on) Nginx Proxy Manager. Plugged into the engine's stackWiringSource through its `more` list.
import { networkInterfaces } from 'node:os';
import { UpsFailure, type StackConfig } from '../../contract';
import type { SecretName } from '../../contract/secret-names';
import { installDerivedPlexClientId } from '../../plex/plex-client-id';
import { PlexTvClient } from '../../plex/plex-tv-client';
import { BazarrClient } from '../clients/bazarr';
import type { HttpCall } from '../../http/http-json';
import { npmAdminEmail, NpmClient } from '../clients/npm';
import { PlexServerClient } from '../../plex/plex-server-client';
import { SeerrClient } from '../clients/seerr';
import type { LinkTest, WiringStep } from '../wiring-types';
import type { WiringBuild } from '../wiring-source';
import { bazarrWiring } from './bazarr-steps';
import { npmWiring } from './npm-steps';
import { plexWiring } from './plex-steps';
import { hostLanAddresses } from './plex-network';
import { arrWiring } from './prowlarr-wiring';
import { seerrWiring } from './seerr-steps';
import { fixAction } from '../../contract/fix-action';
import type { ArrConfig } from '../../contract/arr-config';
import { defaultArrConfig } from '../../install/arr-config-file';
import { readArrConfig } from '../../install/read-arr-config';
import { radarrClient } from '../clients/radarr';
import { sonarrClient } from '../clients/sonarr';
import { prowlarrClient } from '../clients/prowlarr';
import { arrConfigWiring, clientsOf, profileNameOf } from './arr-config-wiring';
import { flaresolverrWiring } from './flaresolverr-steps';

export interface ArrSideVault {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
}

export interface ArrSideOptions {
  /** Where published ports answer (127.0.0.1 for a local engine; the engine host otherwise, docs/decisions.md D14). */
  host?: string;
  plexTvUrl?: string;
  timeoutMs?: number;
  onCall?: (call: HttpCall) => void;
  /** The plex.tv client identifier; defaults to the one derived from the install folder (stacks without plex-client.json). */
  plexClientId?: (cfg: StackConfig) => Promise<string>;
  /**
   * Where LAN devices reach the engine host (Plex's custom access URLs). Defaults to this computer's addresses inside
   * vpn.lanSubnets for a local engine, and to `host` itself for a remote one (docs/decisions.md D14).
   */
  lanAddresses?: (cfg: StackConfig) => string[];
  /** arr.yml of the install (docs/decisions.md D32); defaults to reading it from the install folder. */
  arrConfig?: (cfg: StackConfig) => Promise<ArrConfig>;
}

/** The install's arr.yml, or the defaults for a stack installed before the file existed. */
export async function installedArrConfig(cfg: StackConfig): Promise<ArrConfig> {
  return (await readArrConfig(cfg.installRoot)) ?? defaultArrConfig(cfg);
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** The Forms login user of every Arr UI; its password is the generated `arr.ui_password`. */
export const ARR_UI_USER = 'ups-admin';
/** Ports inside the containers (fixed by the images), which is how containers reach each other. */
const inside = { radarr: 7878, sonarr: 8989, prowlarr: 9696, plex: 32400, seerr: 5055 } as const;

async function need(vault: ArrSideVault, name: SecretName): Promise<string> {
  const v = await vault.get(name);
  if (!v)
    throw new UpsFailure({
      code: 'NOT_FOUND',
      message: `The vault has no ${name}, so the Arr services cannot be wired.`,
      fix: 'Run the setup again (it generates missing keys), then repair the links.',
      action: fixAction('setup.start'),
    });
  return v;
}

export function arrSideWiring(vault: ArrSideVault, opts: ArrSideOptions = {}) {
  return async (cfg: StackConfig, build: WiringBuild = {}): Promise<{ steps: WiringStep[]; links: LinkTest[] }> => {
    const host = opts.host ?? '127.0.0.1';
    // Read first: a damaged arr.yml stops the wiring with its line and field before any service is called.
    const arrCfg = await (opts.arrConfig ?? installedArrConfig)(cfg);
    const rt = { timeoutMs: opts.timeoutMs, onCall: opts.onCall };
    const at = (port: number) => `http://${host}:${port}`;
    const keys = {
      radarr: await need(vault, 'radarr.api_key'),
      sonarr: await need(vault, 'sonarr.api_key'),
      prowlarr: await need(vault, 'prowlarr.api_key'),
    };
    const dl = async (on: boolean, name: 'qbittorrent.password' | 'nzbget.password', port: number, username: string) =>
      on
        ? { host: 'vpn', port, username, password: await need(vault, name), replaced: !!build.replaced?.includes(name) }
        : undefined;

    const arr = arrWiring(
      {
        radarr: { url: at(cfg.ports.radarr), internalUrl: `http://radarr:${inside.radarr}`, apiKey: keys.radarr },
        sonarr: { url: at(cfg.ports.sonarr), internalUrl: `http://sonarr:${inside.sonarr}`, apiKey: keys.sonarr },
        prowlarr: {
          url: at(cfg.ports.prowlarr),
          internalUrl: `http://prowlarr:${inside.prowlarr}`,
          apiKey: keys.prowlarr,
        },
        // Inside the vpn namespace the clients listen on their own default ports (docs/decisions.md D6).
        qbittorrent: await dl(cfg.services.qbittorrent, 'qbittorrent.password', 8080, 'admin'),
        nzbget: await dl(cfg.services.nzbget, 'nzbget.password', 6789, 'nzbget'),
        ui: { username: ARR_UI_USER, password: await need(vault, 'arr.ui_password') },
        paths: { movies: arrCfg.radarr.rootFolders.paths[0]!, tv: arrCfg.sonarr.rootFolders.paths[0]! },
        clients: clientsOf(arrCfg),
      },
      rt,
    );
    // An Arr tests a download client on save with the generated password, so the client must have it first.
    for (const s of arr.steps) {
      if (s.id.endsWith('.download-client.qbittorrent')) s.dependsOn.push('qbittorrent.preferences');
      if (s.id.endsWith('.download-client.nzbget')) s.dependsOn.push('nzbget.config');
    }

    // The App service passes the per-user identifier the sign-in uses (src/core/plex/plex-client-id.ts).
    const clientId = opts.plexClientId ? await opts.plexClientId(cfg) : installDerivedPlexClientId(cfg);
    const plexTv = new PlexTvClient({ clientId, baseUrl: opts.plexTvUrl, ...rt });
    const plex = new PlexServerClient({
      url: at(cfg.ports.plex),
      token: () => vault.get('plex.token'),
      clientId,
      ...rt,
    });
    const seerr = new SeerrClient({ url: at(cfg.ports.seerr), apiKey: () => vault.get('seerr.api_key'), ...rt });
    const target = (app: 'radarr' | 'sonarr') => ({
      hostname: app,
      port: inside[app],
      apiKey: keys[app],
      profileName: profileNameOf(arrCfg[app]),
      minimumAvailability: arrCfg.seerr.minimumAvailability,
      seasonFolders: arrCfg.seerr.seasonFolders,
      after: [`${app}.quality-profile`],
    });
    const bazarr = new BazarrClient({ url: at(cfg.ports.bazarr), apiKey: () => vault.get('bazarr.api_key'), ...rt });
    const access = (app: 'radarr' | 'sonarr' | 'prowlarr') => ({ url: at(cfg.ports[app]), apiKey: keys[app], ...rt });
    const parts = [
      arr,
      plexWiring({
        server: plex,
        plexTv,
        vault,
        network: {
          lanAddresses: opts.lanAddresses
            ? opts.lanAddresses(cfg)
            : LOOPBACK.has(host)
              ? hostLanAddresses(networkInterfaces(), cfg.vpn.lanSubnets)
              : [host],
          port: cfg.ports.plex,
          lanSubnets: cfg.vpn.lanSubnets,
        },
      }),
      seerrWiring({
        seerr,
        plex,
        vault,
        plexHost: { ip: 'plex', port: inside.plex },
        libraryLocations: ['/data/media/movies', '/data/media/tv'],
        radarr: { ...target('radarr'), directory: arrCfg.radarr.rootFolders.paths[0]! },
        sonarr: { ...target('sonarr'), directory: arrCfg.sonarr.rootFolders.paths[0]! },
      }),
      arrConfigWiring({
        config: arrCfg,
        clients: {
          radarr: radarrClient(access('radarr')),
          sonarr: sonarrClient(access('sonarr')),
          prowlarr: prowlarrClient(access('prowlarr')),
        },
        bazarr,
        plex: { server: plex, host: 'plex', port: inside.plex, token: await vault.get('plex.token') },
        // Indexer entries are `indexer.<name>.<field>`: the vault accepts that family (docs/decisions.md D32).
        secret: (name) => vault.get(name as SecretName),
      }),
      bazarrWiring({
        bazarr,
        sonarr: { ip: 'sonarr', port: inside.sonarr, apiKey: keys.sonarr },
        radarr: { ip: 'radarr', port: inside.radarr, apiKey: keys.radarr },
      }),
    ];
    // FlareSolverr on: Prowlarr gets it as an indexer proxy (off: an existing proxy is left alone, like any item).
    if (cfg.services.flaresolverr) parts.push(flaresolverrWiring({ client: prowlarrClient(access('prowlarr')) }));
    const proxy = cfg.services.proxy;
    if (proxy.enabled && proxy.domain && proxy.acmeEmail) {
      const adminEmail = npmAdminEmail(proxy.acmeEmail);
      const npm = new NpmClient({
        url: at(cfg.ports.proxyAdmin),
        identity: adminEmail,
        secret: () => vault.get('proxy.admin_password'),
        ...rt,
      });
      const hosts = [
        { name: 'plex', domain: `plex.${proxy.domain}`, forwardHost: 'plex', forwardPort: inside.plex },
        { name: 'seerr', domain: `requests.${proxy.domain}`, forwardHost: 'seerr', forwardPort: inside.seerr },
      ];
      parts.push(npmWiring({ npm, adminEmail, hosts, acmeEmail: proxy.acmeEmail }));
    }
    return { steps: parts.flatMap((p) => p.steps), links: parts.flatMap((p) => p.links) };
  };
}
