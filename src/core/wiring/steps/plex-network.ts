// Plex's LAN settings for bridge networking: "Custom server access URLs" (the host's LAN address and published port) and
// "LAN Networks" (the user's LAN subnets), set through Plex's own API so LAN TVs connect directly instead of by relay.
import { BlockList, isIPv4 } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import type { PlexServerClient } from '../../plex/plex-server-client';
import type { PlannedChange, WiringStep } from '../wiring-types';

/**
 * Preference ids, as `GET /:/prefs` lists them (a real answer: tests/fixtures/recorded/plex/prefs.json, from
 * github.com/andrey-yantsen/plex-api.rs): `customConnections` is "Custom server access URLs", "A comma-separated list
 * of URLs (http or https) which are published up to plex.tv for server discovery" (Plex's own bridge-network image
 * sets it from ADVERTISE_IP: github.com/plexinc/pms-docker `root/etc/cont-init.d/40-plex-first-run` @ 1cef65e);
 * `LanNetworksBandwidth` is "LAN Networks", the networks "considered to be on the local network"; left blank, "only the
 * server's subnet" is, which in a bridge network is the Docker subnet, so every LAN client counts as remote.
 * Never `allowedNetworks` ("allowed without auth", pms-docker's ALLOWED_NETWORKS): that skips the login (D17).
 * The linuxserver image (lscr.io/linuxserver/plex, docker-plex @ 1.43.3.10828-00f62d37d-ls315) has no ADVERTISE_IP or
 * ALLOWED_NETWORKS at all: its only settings are PUID/PGID/TZ/VERSION/PLEX_CLAIM (README, root/etc/s6-overlay).
 */
export const PLEX_CUSTOM_CONNECTIONS = 'customConnections';
export const PLEX_LAN_NETWORKS = 'LanNetworksBandwidth';

export interface PlexNetworkInput {
  server: PlexServerClient;
  /** The host's addresses LAN devices reach it at (see hostLanAddresses); may be empty. */
  lanAddresses: string[];
  /** The host port Plex is published on (ports.plex). */
  port: number;
  /** The user's LAN subnets (vpn.lanSubnets), CIDR: Plex takes "IP/netmask entries" in that form (pms-docker README). */
  lanSubnets: string[];
}

function blockListOf(subnets: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of subnets) {
    const [net, bits] = cidr.split('/');
    if (net && isIPv4(net)) list.addSubnet(net, Number(bits ?? 32), 'ipv4');
  }
  return list;
}

/**
 * The host's IPv4 addresses inside the user's LAN subnets: the ones a TV on that LAN can reach. Docker bridges, WSL and
 * VPN adapters fall outside them and are left out.
 */
export function hostLanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>, lanSubnets: string[]): string[] {
  const lan = blockListOf(lanSubnets);
  const found = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal && lan.check(i.address, 'ipv4'))
    .map((i) => i.address);
  return [...new Set(found)];
}

/** Plex keeps both lists comma-separated; its docs ask for no whitespace (support.plex.tv article 200890058). */
const split = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * What the two preferences should hold. We own only what we add: URLs of the form `http://<LAN IPv4>:<plex port>` (so
 * a stale address from an old DHCP lease is replaced) and the LAN subnets; anything else the user entered is kept.
 */
export function wantedPlexNetworkPrefs(
  current: Record<string, string>,
  input: Omit<PlexNetworkInput, 'server'>,
): Record<string, string> {
  const lan = blockListOf(input.lanSubnets);
  const ours = (url: string): boolean => {
    try {
      const u = new URL(url);
      return u.protocol === 'http:' && Number(u.port) === input.port && isIPv4(u.hostname) && lan.check(u.hostname);
    } catch {
      return false;
    }
  };
  const urls = [
    ...input.lanAddresses.map((a) => `http://${a}:${input.port}`),
    ...split(current[PLEX_CUSTOM_CONNECTIONS]).filter((u) => !ours(u)),
  ];
  const networks = [...new Set([...split(current[PLEX_LAN_NETWORKS]), ...input.lanSubnets])];
  return { [PLEX_CUSTOM_CONNECTIONS]: [...new Set(urls)].join(','), [PLEX_LAN_NETWORKS]: networks.join(',') };
}

const sameSet = (a: string | undefined, b: string) => {
  const x = new Set(split(a));
  const y = new Set(split(b));
  return x.size === y.size && [...x].every((v) => y.has(v));
};

export const PLEX_NETWORK_STEP = 'plex.network';

/**
 * Through `PUT /:/prefs` on the running server rather than a Preferences.xml seeded before the first start: the
 * linuxserver image's claim script starts Plex once to generate Preferences.xml only when the file is absent, then
 * reads ProcessedMachineIdentifier from it to claim (`root/etc/s6-overlay/s6-rc.d/init-plex-claim/run` at the pinned
 * tag), so a seeded file would break PLEX_CLAIM; and the host's LAN address can change, which a plan re-checks.
 * After the claim, because a claimed server answers only its owner's token.
 */
export function plexNetworkStep(input: PlexNetworkInput): WiringStep {
  const svc = 'plex';
  const diff = async () => {
    const current = await input.server.prefs();
    const want = wantedPlexNetworkPrefs(current, input);
    const changed = Object.fromEntries(Object.entries(want).filter(([k, v]) => !sameSet(current[k], v)));
    return { want, changed };
  };
  const noAddress =
    input.lanAddresses.length === 0
      ? ` No address of this computer is in ${input.lanSubnets.join(', ')}: set your LAN subnet in Settings so LAN ` +
        'devices get a direct address.'
      : '';
  return {
    id: PLEX_NETWORK_STEP,
    service: svc,
    dependsOn: ['plex.claim'],
    async plan(): Promise<PlannedChange[]> {
      const { want, changed } = await diff();
      const urls = input.lanAddresses.map((a) => `http://${a}:${input.port}`).join(', ');
      const change = (id: string, resource: string, kept: string, note = ''): PlannedChange =>
        id in changed
          ? { service: svc, resource, action: 'update', reason: `Set to ${want[id] || '(empty)'}.${note}` }
          : { service: svc, resource, action: 'nothing', reason: `${kept}.${note}` };
      return [
        change(
          PLEX_CUSTOM_CONNECTIONS,
          'custom server access URLs',
          urls ? `Plex advertises ${urls}` : 'Nothing to advertise',
          noAddress,
        ),
        change(PLEX_LAN_NETWORKS, 'LAN networks', `${input.lanSubnets.join(', ')} count as local`),
      ];
    },
    async apply(changes, progress) {
      if (!changes.some((c) => c.action !== 'nothing')) return;
      const { changed } = await diff();
      if (Object.keys(changed).length === 0) return;
      progress({
        operationId: 'wiring',
        step: PLEX_NETWORK_STEP,
        current: 0,
        total: 1,
        message: 'Setting Plex LAN access',
      });
      await input.server.setPrefs(changed);
    },
  };
}
