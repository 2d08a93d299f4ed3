// What the stack asks of the host, per service (DESIGN §4): published ports, memory and disk for images + config.
// Estimates, not promises: they decide warn/fail thresholds in the checks, and the wizard shows them.
export const catalogServices = ['vpn', 'plex', 'qbittorrent', 'nzbget', 'prowlarr', 'radarr', 'sonarr', 'bazarr', 'seerr', 'tdarr', 'proxy'] as const;
export type CatalogService = (typeof catalogServices)[number];

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

const needs: Record<CatalogService, { ports: number[]; memoryBytes: number; diskBytes: number }> = {
  // qBittorrent's 8080 and NZBGet's 6789 are published on vpn (DESIGN D6).
  vpn: { ports: [], memoryBytes: 128 * MiB, diskBytes: 100 * MiB },
  plex: { ports: [32400], memoryBytes: 1536 * MiB, diskBytes: 2 * GiB },
  qbittorrent: { ports: [8080], memoryBytes: 512 * MiB, diskBytes: 300 * MiB },
  nzbget: { ports: [6789], memoryBytes: 256 * MiB, diskBytes: 200 * MiB },
  prowlarr: { ports: [9696], memoryBytes: 256 * MiB, diskBytes: 300 * MiB },
  radarr: { ports: [7878], memoryBytes: 384 * MiB, diskBytes: 1 * GiB },
  sonarr: { ports: [8989], memoryBytes: 384 * MiB, diskBytes: 1 * GiB },
  bazarr: { ports: [6767], memoryBytes: 256 * MiB, diskBytes: 500 * MiB },
  seerr: { ports: [5055], memoryBytes: 256 * MiB, diskBytes: 500 * MiB },
  tdarr: { ports: [8265, 8266], memoryBytes: 2 * GiB, diskBytes: 3 * GiB },
  proxy: { ports: [80, 443, 81], memoryBytes: 256 * MiB, diskBytes: 500 * MiB },
};

/** The wizard's default selection: both download clients, no Tdarr, no proxy. */
export const defaultServices: CatalogService[] = ['vpn', 'plex', 'qbittorrent', 'nzbget', 'prowlarr', 'radarr', 'sonarr', 'bazarr', 'seerr'];

/** Docker Desktop's own VM and Windows need headroom beyond the containers. */
const BASE_MEMORY = 1 * GiB;
/** Image layers are pulled once; leave room for one update's worth of new layers (DESIGN D10). */
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
