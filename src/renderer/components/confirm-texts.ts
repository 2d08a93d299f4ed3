// What the confirmations say: plain sentences naming the apps that restart and the amount deleted.

const GiB = 1024 ** 3;
const formatSize = (n: number) => (n >= GiB ? `${(n / GiB).toFixed(1)} GB` : `${Math.round(n / 1024 ** 2)} MB`);
/** Which apps a settings change restarts: a new time zone or LAN access setting touches every app, a port its own app. */
export function settingsRestartText(changes: {
  timeZone?: string;
  ports?: Record<string, unknown>;
  lanAccess?: boolean;
  usenet?: unknown;
  /** A new news server password was typed (it is stored, then NZBGet takes it). */
  newsPassword?: boolean;
}) {
  const ports = Object.keys(changes.ports ?? {});
  const news =
    changes.usenet !== undefined || changes.newsPassword
      ? ' NZBGet restarts to use the news server: its downloads pause for a moment.'
      : '';
  if (changes.timeZone !== undefined || changes.lanAccess !== undefined)
    return 'Every app restarts to use the new settings: downloads pause and Plex stops playing for about a minute.';
  if (ports.length)
    return `The apps behind the changed port${ports.length > 1 ? 's' : ''} (${ports.join(', ')}) restart: they are unreachable for about a minute.${news}`;
  if (news) return news.trim();
  return 'Nothing has changed, so no app restarts.';
}

export function rollbackText(): string {
  return 'The apps updated last go back to their previous versions and restart; they are unreachable for a minute or two.';
}

export function deleteLocalCopyText(bytes: number | undefined): string {
  const size = bytes === undefined ? 'The local copy' : `The local copy (${formatSize(bytes)})`;
  return `${size} of your media is deleted from this PC. The copy on the NAS stays. This cannot be undone.`;
}
