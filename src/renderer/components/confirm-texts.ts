// What the confirmations say: plain sentences naming the apps that restart and the amount deleted.
import { serviceName } from '../display-names';

const GiB = 1024 ** 3;
const formatSize = (n: number) => (n >= GiB ? `${(n / GiB).toFixed(1)} GB` : `${Math.round(n / 1024 ** 2)} MB`);
/**
 * What saving restarts, from the core's plan (stack.settings.plan): the renderer only puts the names into words. A news
 * server change restarts nothing (NZBGet takes it through its API) but pauses NZBGet's downloads for a moment.
 */
export function settingsRestartText(plan: { restart: string[]; total: number }, opts: { news?: boolean } = {}): string {
  const news = opts.news ? 'NZBGet takes the news server: its downloads pause for a moment.' : '';
  if (plan.restart.length === 0) return news || 'Nothing has changed, so no app restarts.';
  const names = [...new Set(plan.restart.map(serviceName))];
  const tail = news ? ` ${news}` : '';
  if (plan.restart.length >= plan.total)
    return `Every app restarts to use the new settings: downloads pause and Plex stops playing for about a minute.${tail}`;
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
  return `${list} restart${names.length > 1 ? '' : 's'} to use the new settings: unreachable for about a minute.${tail}`;
}

export function rollbackText(): string {
  return 'The apps updated last go back to their previous versions and restart; they are unreachable for a minute or two.';
}

export function deleteLocalCopyText(bytes: number | undefined): string {
  const size = bytes === undefined ? 'The local copy' : `The local copy (${formatSize(bytes)})`;
  return `${size} of your media is deleted from this PC. The copy on the NAS stays. This cannot be undone.`;
}

/** One app's Restart: what the user loses while it comes back (the VPN takes the download clients with it). */
export function serviceRestartText(service: string): string {
  const name = serviceName(service);
  if (service === 'vpn')
    return 'Downloads pause while the VPN reconnects: qBittorrent and NZBGet run through it and restart with it.';
  if (service === 'plex') return 'Plex stops playing for a moment while it restarts.';
  return `${name} is unreachable for a moment while it restarts.`;
}
