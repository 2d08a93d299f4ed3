// The known-versions table: per catalog service, the image tags this app was checked against, oldest first.
// The newest entry is the default image; `ups update` moves a service only to a newer tag listed here (a known set),
// never to whatever the registry lists. Each entry names the upstream version and the source read at that version
// (compose/README.md lists, per service, every setting, healthcheck tool and API route with its upstream file).
import type { CatalogService } from './stack-config';

export interface KnownVersion {
  /** The image tag (as published by the upstream's release pipeline). */
  tag: string;
  /** The upstream application version our assumptions were checked against. */
  upstream: string;
  /** Where that version's source was read (repository @ tag). */
  source: string;
}

export interface ServiceImage {
  /** Image repository without tag. */
  repo: string;
  /** Oldest first; the last one is the default. */
  known: readonly KnownVersion[];
}

export const imageVersions: Record<CatalogService, ServiceImage> = {
  vpn: {
    repo: 'qmcgaw/gluetun',
    known: [{ tag: 'v3.41.1', upstream: 'gluetun v3.41.1', source: 'github.com/qdm12/gluetun @ v3.41.1' }],
  },
  proxy: {
    repo: 'jc21/nginx-proxy-manager',
    known: [
      {
        tag: '2.15.1',
        upstream: 'Nginx Proxy Manager 2.15.1',
        source: 'github.com/NginxProxyManager/nginx-proxy-manager @ v2.15.1',
      },
    ],
  },
  plex: {
    repo: 'lscr.io/linuxserver/plex',
    known: [
      {
        tag: '1.43.3.10828-00f62d37d-ls315',
        upstream: 'Plex Media Server 1.43.3.10828',
        source: 'github.com/linuxserver/docker-plex @ 1.43.3.10828-00f62d37d-ls315',
      },
    ],
  },
  qbittorrent: {
    repo: 'lscr.io/linuxserver/qbittorrent',
    known: [
      {
        tag: '5.2.3_v2.0.13-ls469',
        upstream: 'qBittorrent 5.2.3 (libtorrent 2.0.13)',
        source: 'github.com/linuxserver/docker-qbittorrent @ 5.2.3_v2.0.13-ls469',
      },
    ],
  },
  nzbget: {
    repo: 'nzbgetcom/nzbget',
    known: [{ tag: 'v26.0', upstream: 'NZBGet 26.0', source: 'github.com/nzbgetcom/nzbget @ v26.0' }],
  },
  prowlarr: {
    repo: 'lscr.io/linuxserver/prowlarr',
    known: [
      {
        tag: '2.5.2.5491-ls155',
        upstream: 'Prowlarr 2.5.2.5491',
        source: 'github.com/linuxserver/docker-prowlarr @ 2.5.2.5491-ls155',
      },
    ],
  },
  radarr: {
    repo: 'lscr.io/linuxserver/radarr',
    known: [
      {
        tag: '6.2.1.10461-ls308',
        upstream: 'Radarr 6.2.1.10461',
        source: 'github.com/linuxserver/docker-radarr @ 6.2.1.10461-ls308',
      },
    ],
  },
  sonarr: {
    repo: 'lscr.io/linuxserver/sonarr',
    known: [
      {
        tag: '4.0.19.2979-ls316',
        upstream: 'Sonarr 4.0.19.2979',
        source: 'github.com/linuxserver/docker-sonarr @ 4.0.19.2979-ls316',
      },
    ],
  },
  bazarr: {
    repo: 'lscr.io/linuxserver/bazarr',
    known: [
      { tag: 'v1.5.6-ls353', upstream: 'Bazarr 1.5.6', source: 'github.com/linuxserver/docker-bazarr @ v1.5.6-ls353' },
    ],
  },
  seerr: {
    repo: 'ghcr.io/seerr-team/seerr',
    known: [{ tag: 'v3.1.0', upstream: 'Seerr 3.1.0', source: 'github.com/seerr-team/seerr @ v3.1.0' }],
  },
  tdarr: {
    repo: 'ghcr.io/haveagitgat/tdarr',
    // Tdarr's server is closed source: the image recipe (docker/Dockerfile.*) and version (package.json) are public.
    known: [
      {
        tag: '2.28.01',
        upstream: 'Tdarr 2.28.01',
        source: 'github.com/HaveAGitGat/Tdarr @ c9715e1 (package.json version 2.28.01)',
      },
    ],
  },
  flaresolverr: {
    // Tag = git tag: .github/workflows/release-docker.yml (metadata-action `type=semver,pattern={{version}},prefix=v`,
    // images flaresolverr/flaresolverr and ghcr.io/flaresolverr/flaresolverr).
    repo: 'ghcr.io/flaresolverr/flaresolverr',
    known: [
      {
        tag: 'v3.5.0',
        upstream: 'FlareSolverr 3.5.0',
        source: 'github.com/FlareSolverr/FlareSolverr @ v3.5.0 (4ca91a2; package.json version 3.5.0)',
      },
    ],
  },
};

/** `repo:tag` of the newest known version of each service: the default images. */
export function newestImages(
  table: Record<CatalogService, ServiceImage> = imageVersions,
): Record<CatalogService, string> {
  return Object.fromEntries(
    Object.entries(table).map(([s, v]) => [s, `${v.repo}:${v.known[v.known.length - 1]!.tag}`]),
  ) as Record<CatalogService, string>;
}
