// What the stack asks of the host, per service (DESIGN §4): published ports, memory and disk for images + config.
// Estimates, not promises: they decide warn/fail thresholds in the checks, and the wizard shows them.
import { defaultPorts as p } from '../contract/stack-config';
export const catalogServices = [
  'vpn',
  'plex',
  'qbittorrent',
  'nzbget',
  'prowlarr',
  'radarr',
  'sonarr',
  'bazarr',
  'seerr',
  'tdarr',
  'flaresolverr',
  'proxy',
] as const;
export type CatalogService = (typeof catalogServices)[number];

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

const needs: Record<CatalogService, { ports: number[]; memoryBytes: number; diskBytes: number }> = {
  // The default host ports come from the StackConfig contract; qBittorrent's and NZBGet's are published on vpn (D6).
  vpn: { ports: [p.vpnControl], memoryBytes: 128 * MiB, diskBytes: 100 * MiB },
  plex: { ports: [p.plex], memoryBytes: 1536 * MiB, diskBytes: 2 * GiB },
  qbittorrent: { ports: [p.qbittorrent], memoryBytes: 512 * MiB, diskBytes: 300 * MiB },
  nzbget: { ports: [p.nzbget], memoryBytes: 256 * MiB, diskBytes: 200 * MiB },
  prowlarr: { ports: [p.prowlarr], memoryBytes: 256 * MiB, diskBytes: 300 * MiB },
  radarr: { ports: [p.radarr], memoryBytes: 384 * MiB, diskBytes: 1 * GiB },
  sonarr: { ports: [p.sonarr], memoryBytes: 384 * MiB, diskBytes: 1 * GiB },
  bazarr: { ports: [p.bazarr], memoryBytes: 256 * MiB, diskBytes: 500 * MiB },
  seerr: { ports: [p.seerr], memoryBytes: 256 * MiB, diskBytes: 500 * MiB },
  tdarr: { ports: [p.tdarr, p.tdarrServer], memoryBytes: 2 * GiB, diskBytes: 3 * GiB },
  // No published port (only Prowlarr calls it, on the compose network); a headless Chromium per solve.
  flaresolverr: { ports: [], memoryBytes: 512 * MiB, diskBytes: 700 * MiB },
  proxy: { ports: [p.proxyHttp, p.proxyHttps, p.proxyAdmin], memoryBytes: 256 * MiB, diskBytes: 500 * MiB },
};

/** The wizard's default selection: both download clients, no Tdarr, no proxy. */
export const defaultServices: CatalogService[] = [
  'vpn',
  'plex',
  'qbittorrent',
  'nzbget',
  'prowlarr',
  'radarr',
  'sonarr',
  'bazarr',
  'seerr',
];

/** Docker Desktop's own VM and Windows need headroom beyond the containers. */
const BASE_MEMORY = 1 * GiB;
/** Image layers are pulled once; leave room for one update's worth of new layers (docs/decisions.md D10). */
const BASE_DISK = 5 * GiB;

export interface StackNeeds {
  ports: number[];
  memoryBytes: number;
  diskBytes: number;
}

export function estimateNeeds(services: readonly CatalogService[] = defaultServices): StackNeeds {
  const chosen = [...new Set(services)];
  return {
    ports: [...new Set(chosen.flatMap((s) => needs[s].ports))].sort((a, b) => a - b),
    memoryBytes: BASE_MEMORY + chosen.reduce((n, s) => n + needs[s].memoryBytes, 0),
    diskBytes: BASE_DISK + chosen.reduce((n, s) => n + needs[s].diskBytes, 0),
  };
}

export const formatBytes = (n: number) => (n >= GiB ? `${(n / GiB).toFixed(1)} GB` : `${Math.round(n / MiB)} MB`);
