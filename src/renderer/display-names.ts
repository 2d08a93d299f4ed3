// The one place internal ids become the words a user reads: services, VPN providers, ports, verdicts, install steps.
import type { MigratePhase, ServiceStatus, StackMovePhase, VpnProvider, VpnVerdict } from '../core/contract';

type ContainerState = ServiceStatus['state'];

/** Compose service ids → the app's own name. `vpn` is gluetun, but the user knows it as "VPN". */
const serviceNames: Record<string, string> = {
  plex: 'Plex',
  seerr: 'Seerr',
  overseerr: 'Overseerr',
  jellyseerr: 'Jellyseerr',
  radarr: 'Radarr',
  sonarr: 'Sonarr',
  prowlarr: 'Prowlarr',
  bazarr: 'Bazarr',
  tdarr: 'Tdarr',
  flaresolverr: 'FlareSolverr',
  qbittorrent: 'qBittorrent',
  nzbget: 'NZBGet',
  vpn: 'VPN',
  gluetun: 'VPN',
  proxy: 'Nginx Proxy Manager',
  npm: 'Nginx Proxy Manager',
  ups: 'This app',
  app: 'This app',
};

export function serviceName(id: string): string {
  return serviceNames[id] ?? id.charAt(0).toUpperCase() + id.slice(1);
}

/** What each app is for, in one short line (the dashboard card's subtitle). */
const serviceRoles: Record<string, string> = {
  plex: 'Watch your films and shows',
  seerr: 'Ask for a film or show',
  radarr: 'Finds and downloads films',
  sonarr: 'Finds and downloads shows',
  prowlarr: 'Where downloads are searched',
  bazarr: 'Finds subtitles',
  tdarr: 'Converts videos',
  flaresolverr: 'Opens indexer sites behind a browser check',
  qbittorrent: 'Downloads torrents (through the VPN)',
  nzbget: 'Downloads from Usenet (through the VPN)',
  vpn: 'Keeps your downloads private',
  proxy: 'Web addresses for your apps',
};

export function serviceRole(id: string): string | undefined {
  return serviceRoles[id];
}

/** Order of the dashboard's cards: what the user opens first, then the helpers, the plumbing last. */
const serviceOrder = [
  'plex',
  'seerr',
  'radarr',
  'sonarr',
  'prowlarr',
  'bazarr',
  'qbittorrent',
  'nzbget',
  'tdarr',
  'flaresolverr',
  'vpn',
  'proxy',
];

export function byServiceOrder(a: string, b: string): number {
  const rank = (s: string) => {
    const i = serviceOrder.indexOf(s);
    return i === -1 ? serviceOrder.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * The download clients publish their ports on the VPN container (they share its network, docs/decisions.md D6):
 * a port there belongs to the client behind it, so the link names the client, not "vpn".
 */
const portOwners: Record<number, string> = { 8080: 'qbittorrent', 6789: 'nzbget' };

/** The app a published port opens, given the service that publishes it. */
export function portOwner(service: string, port: number): string {
  if (service === 'vpn') return portOwners[port] ?? service;
  return service;
}

/** "Open qBittorrent" for the VPN container's port 8080; the port itself is not the user's business. */
export function portLinkLabel(service: string, port: number): string {
  return `Open ${serviceName(portOwner(service, port))}`;
}

/** gluetun's provider ids as the providers write their own names. */
const providerNames: Record<VpnProvider, string> = {
  nordvpn: 'NordVPN',
  airvpn: 'AirVPN',
  cyberghost: 'CyberGhost',
  expressvpn: 'ExpressVPN',
  fastestvpn: 'FastestVPN',
  giganews: 'Giganews',
  hidemyass: 'HideMyAss',
  ipvanish: 'IPVanish',
  ivpn: 'IVPN',
  mullvad: 'Mullvad',
  'perfect privacy': 'Perfect Privacy',
  privado: 'Privado',
  'private internet access': 'Private Internet Access',
  privatevpn: 'PrivateVPN',
  protonvpn: 'Proton VPN',
  purevpn: 'PureVPN',
  slickvpn: 'SlickVPN',
  surfshark: 'Surfshark',
  torguard: 'TorGuard',
  vpnsecure: 'VPNSecure',
  'vpn unlimited': 'VPN Unlimited',
  vyprvpn: 'VyprVPN',
  windscribe: 'Windscribe',
};

export function vpnProviderName(id: VpnProvider): string {
  return providerNames[id];
}

/** The VPN watch's verdict as a short state (the VPN card's badge) and whether downloads are safe. */
export const vpnVerdictText: Record<VpnVerdict, { state: string; line: string }> = {
  safe: { state: 'Connected', line: 'Downloads go through your VPN.' },
  leak: { state: 'Not private', line: 'Downloads could be seen by your internet provider, so they are paused.' },
  'tunnel-down': { state: 'Disconnected', line: 'Your VPN is disconnected, so downloads are paused.' },
  unknown: { state: 'Not checked', line: 'The app could not check your VPN yet.' },
};

/** A container's state as a badge says it. */
export const containerStateText: Record<ContainerState, string> = {
  created: 'Not started',
  running: 'Running',
  paused: 'Paused',
  restarting: 'Restarting',
  removing: 'Being removed',
  exited: 'Stopped',
  dead: 'Stopped',
  unknown: 'Unknown',
};

/** The install checklist's plain steps (src/renderer/wizard/install-checklist.ts folds the core's steps into them). */
export const installPhaseNames = {
  download: 'Download the apps',
  folders: 'Prepare the media folders',
  settings: 'Write the first-start settings',
  start: 'Start the apps',
  connect: 'Connect the apps to each other',
} as const;

/**
 * Progress step ids of every operation (src/core/stack/bring-up.ts, engine/compose/json-progress.ts, wiring steps,
 * updates, migrate, host fixes) → what a progress row says. Never the id itself.
 */
const progressStepNames: Record<string, string> = {
  pull: installPhaseNames.download,
  data: installPhaseNames.folders,
  seed: installPhaseNames.settings,
  up: installPhaseNames.start,
  healthy: 'Wait until every app is ready',
  'plex.claim': 'Link Plex to your account',
  plex: 'Link Plex to your account',
  wiring: installPhaseNames.connect,
  links: 'Test the connections',
  update: 'Update the apps',
  copy: 'Copy your media',
  'vpn-recovery': 'Reconnect the VPN',
  'docker-desktop.start': 'Start Docker Desktop',
};

/** "radarr.rootFolder" → "Set up Radarr"; an id nobody named → "Working" (an id is never shown). */
export function progressStepName(step: string): string {
  const named = progressStepNames[step];
  if (named) return named;
  const root = step.split(/[.:/-]/)[0] ?? '';
  return serviceNames[root] ? `Set up ${serviceName(root)}` : 'Working';
}

/** Host port names (the port table of stack.yml) → what the port is for, as a settings label says it. */
const portNames: Record<string, string> = {
  vpnControl: 'VPN control',
  proxyHttp: 'Web addresses (HTTP)',
  proxyHttps: 'Web addresses (HTTPS)',
  proxyAdmin: 'Nginx Proxy Manager admin',
};

export function portName(port: string): string {
  return portNames[port] ?? serviceName(port);
}

/** Top-level settings fields → the words on the box or section that holds them. */
const fieldNames: Record<string, string> = {
  installRoot: 'Install folder',
  dataRoot: 'Media folder',
  timeZone: 'Time zone',
  services: 'Apps',
  lanAccess: 'Network access',
  usenet: 'Usenet server',
  vpn: 'VPN',
  ports: 'Ports',
  nas: 'NAS',
  secrets: 'Passwords and keys',
  configDir: 'App settings folder',
};

/** "ports.qbittorrent" → "qBittorrent port", "vpn.openvpnUser" → "VPN": a field path as the user knows the place. */
export function fieldName(path: string): string {
  const [root = '', sub] = path.split('.');
  if (root === 'ports' && sub) return `${portName(sub)} port`;
  return fieldNames[root] ?? 'Settings';
}

/** Where a NAS migration stands, as a sentence (never the record's phase id). */
const migratePhaseText: Record<MigratePhase, string> = {
  none: 'No migration has started.',
  planned: 'Planned: nothing has been copied yet.',
  copying: 'Copying your library…',
  interrupted: 'The copy stopped before it finished: Resume carries on where it left off.',
  paused: 'Paused: Resume carries on where it left off.',
  verified: 'Every file is copied and checked: the switch is next.',
  switched: 'Your apps now use the new location.',
  finished: 'The migration is finished.',
  cancelled: 'The migration was cancelled: your library stays where it was.',
};
export const migratePhase = (phase: MigratePhase): string => migratePhaseText[phase];

/** Where a move to another Docker engine stands, as a sentence (never the record's phase id). */
const movePhaseText: Record<StackMovePhase, string> = {
  none: 'No move has started.',
  'stopping-source': 'Stopping the apps on this PC…',
  copying: 'Copying the apps’ settings to the other engine…',
  'writing-compose': 'Writing the stack files for the other engine…',
  'starting-target': 'Starting the apps on the other engine…',
  wiring: 'Connecting the apps again…',
  ready: 'The apps run on the other engine.',
  'rolled-back': 'The move did not finish: your apps run on this PC as before.',
  removed: 'The move is finished and the old stack is removed.',
};
export const movePhase = (phase: StackMovePhase): string => movePhaseText[phase];
