// Builds the download-client half of the wiring from StackConfig + vault: qBittorrent and NZBGet steps and link tests.
import { UpsFailure, type StackConfig } from '../../contract';
import { NZBGET_USER } from '../../stack/nzbget-conf';
import { QBITTORRENT_USER } from '../../stack/qbittorrent-conf';
import type { HttpCall } from '../../http/http-json';
import { createNzbgetClient } from '../clients/nzbget-client';
import { createQbittorrentClient } from '../clients/qbittorrent-client';
import { nzbgetLinkTest, nzbgetSteps } from '../steps/nzbget-steps';
import { nzbgetServerLinkTest } from '../steps/nzbget-server';
import { nzbgetCategories } from '../steps/radarr-sonarr-input';
import { qbittorrentLinkTest, qbittorrentSteps } from '../steps/qbittorrent-steps';
import type { LinkTest, WiringStep } from '../wiring-types';
import { fixAction } from '../../contract/fix-action';
import {
  nzbgetPasswordChange,
  qbittorrentPasswordChange,
  type ClientPasswordChange,
  type DownloadClientSecret,
} from './client-password';

export interface Wiring {
  steps: WiringStep[];
  links: LinkTest[];
  /** How a replaced password reaches each installed download client (secrets.set); absent for clients not installed. */
  passwords?: Partial<Record<DownloadClientSecret, ClientPasswordChange>>;
}

export interface DownloadClientSecrets {
  qbittorrentPassword: string | null;
  nzbgetPassword: string | null;
  /** The news server's password (nzbget.server.password); only read when StackConfig.usenet is set. */
  usenetPassword?: string | null;
}

export interface DownloadClientWiringOptions {
  /** Where the published ports answer: 127.0.0.1 for a local engine, the engine's host for a remote one (docs/decisions.md D14). */
  host?: string;
  /** Container paths; the defaults are the stack's /data layout (docs/decisions.md D7). Tests point them at temp dirs. */
  torrentsPath?: string;
  usenetPath?: string;
  /** The one address NZBGet lets in without its password: the stack's is 127.0.0.1, which only the VPN namespace has.
   *  Tests whose clients reach a real nzbget from loopback name a TEST-NET one so the login is still exercised. */
  nzbgetAuthorizedIp?: string;
  timeoutMs?: number;
  onCall?: (call: HttpCall) => void;
}

/** NZBGet's stock login (nzbget.conf and the nzbgetcom image); replaced by the generated password on the first apply. */
export const NZBGET_INITIAL = { username: 'nzbget', password: 'tegbzn6789' } as const;
export { NZBGET_USER };

function missingSecret(name: string): UpsFailure {
  return new UpsFailure({
    code: 'NOT_FOUND',
    message: `The vault has no ${name}, so the download client cannot be wired.`,
    fix: 'Run the setup again (it generates missing passwords), then repair the links.',
    action: fixAction('setup.start'),
  });
}

export function downloadClientWiring(
  cfg: StackConfig,
  secrets: DownloadClientSecrets,
  opts: DownloadClientWiringOptions = {},
): Wiring {
  const host = opts.host ?? '127.0.0.1';
  const common = { timeoutMs: opts.timeoutMs, onCall: opts.onCall };
  const out: Wiring = { steps: [], links: [], passwords: {} };
  if (cfg.services.qbittorrent) {
    if (!secrets.qbittorrentPassword) throw missingSecret('qbittorrent.password');
    // The seed config already holds the generated password's hash, so there is no initial login to fall back to.
    const credential = { username: QBITTORRENT_USER, password: secrets.qbittorrentPassword };
    const baseUrl = `http://${host}:${cfg.ports.qbittorrent}`;
    const client = createQbittorrentClient({ baseUrl, credential, ...common });
    out.passwords!['qbittorrent.password'] = qbittorrentPasswordChange({
      baseUrl,
      username: QBITTORRENT_USER,
      ...common,
    });
    const want = {
      savePath: opts.torrentsPath ?? '/data/torrents',
      categories: { radarr: 'movies', 'tv-sonarr': 'tv' },
      ...credential,
    };
    out.steps.push(...qbittorrentSteps(client, want));
    out.links.push(qbittorrentLinkTest(client));
  }
  if (cfg.services.nzbget) {
    if (!secrets.nzbgetPassword) throw missingSecret('nzbget.password');
    const credential = { username: NZBGET_USER, password: secrets.nzbgetPassword };
    const baseUrl = `http://${host}:${cfg.ports.nzbget}`;
    out.passwords!['nzbget.password'] = nzbgetPasswordChange({ baseUrl, username: NZBGET_USER, ...common });
    const client = createNzbgetClient({
      baseUrl,
      credential,
      initial: NZBGET_INITIAL,
      ...common,
    });
    const server = cfg.usenet ? { ...cfg.usenet, password: secrets.usenetPassword ?? null } : undefined;
    out.steps.push(
      ...nzbgetSteps(client, {
        mainDir: opts.usenetPath ?? '/data/usenet',
        categories: nzbgetCategories(),
        ...credential,
        ...(opts.nzbgetAuthorizedIp ? { authorizedIp: opts.nzbgetAuthorizedIp } : {}),
        ...(server ? { server } : {}),
      }),
    );
    out.links.push(nzbgetLinkTest(client));
    if (server) out.links.push(nzbgetServerLinkTest(client, server));
  }
  return out;
}
