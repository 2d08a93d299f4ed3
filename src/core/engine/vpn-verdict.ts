// The VPN watch's decision, as a pure function of what could be observed: any missing observation means
// "unknown" — the watch never calls a setup safe that it could not check.
import type { VpnVerdict } from '../contract';

export interface VpnObservation {
  vpnRunning: boolean;
  clientsRunning: string[];
  tunnelStatus?: string;
  vpnPublicIp?: string;
  clientEgressIp?: string;
  hostEgressIp?: string;
  /** Why an observation is missing (first failure). */
  error?: string;
}

const IP = /^[0-9a-fA-F:.]{3,45}$/;

export function decideVerdict(o: VpnObservation): { verdict: VpnVerdict; reason: string } {
  if (o.clientsRunning.length === 0)
    return { verdict: 'unknown', reason: 'no download client is running, so there is no egress to check' };
  // No vpn container: the clients sit in a namespace without interfaces (nothing can leak) and VPN recovery will
  // recreate them when vpn is back; stopping them here would only leave them stopped. Still not "safe".
  if (!o.vpnRunning)
    return {
      verdict: 'unknown',
      reason: 'the vpn container is not running; the download clients are offline until it is back',
    };
  if (o.tunnelStatus !== undefined && o.tunnelStatus !== 'running')
    return { verdict: 'tunnel-down', reason: `gluetun reports the tunnel as "${o.tunnelStatus}"` };
  if (o.error) return { verdict: 'unknown', reason: `could not check: ${o.error}` };
  if (o.tunnelStatus === undefined) return { verdict: 'unknown', reason: 'could not read the tunnel status' };
  const client = o.clientEgressIp?.trim();
  const host = o.hostEgressIp?.trim();
  if (!client || !IP.test(client))
    return {
      verdict: 'unknown',
      reason: `the download clients' egress address could not be read (${JSON.stringify(client ?? '')})`,
    };
  if (!host || !IP.test(host))
    return {
      verdict: 'unknown',
      reason: `the host's egress address could not be read (${JSON.stringify(host ?? '')})`,
    };
  if (client === host)
    return { verdict: 'leak', reason: `the download clients leave through the host's address ${host}, not the VPN` };
  if (o.vpnPublicIp && o.vpnPublicIp.trim() === host)
    return {
      verdict: 'leak',
      reason: `gluetun's public address is the host's own (${host}): the tunnel does not carry traffic`,
    };
  return {
    verdict: 'safe',
    reason: `tunnel running; download clients leave through ${client}, the host through ${host}`,
  };
}
