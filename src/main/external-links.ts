// Which links leave the window for the user's browser: https to a few known hosts, and http only to this PC (or the
// Docker engine's host, when it runs elsewhere) at a port the installed stack publishes for one of its enabled
// services ("Open Radarr" → http://localhost:7878).
import { isAllowedExternal, type ExternalPolicy } from './security';

const LOCAL_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost']);

/** The port of a plain `http://127.0.0.1|localhost:<port>/…` URL, or null for anything else (credentials in the URL,
 *  another host or scheme, an unparsable string). The WHATWG parser has normalised case, dots and short IPv4 forms. */
export function localHttpPort(url: string, engineHost?: string): number | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const known = LOCAL_HOSTS.has(u.hostname) || (!!engineHost && u.hostname === engineHost.toLowerCase());
  if (u.protocol !== 'http:' || !known || u.username !== '' || u.password !== '') return null;
  // The parser drops a default port: http://localhost/ and http://localhost:80/ both mean 80.
  return u.port === '' ? 80 : Number(u.port);
}

export interface ExternalLinkSources {
  httpsHosts: ReadonlySet<string>;
  /** The installed stack's published web ports, asked of the core on each click (a changed port applies at once). */
  webPorts(): Promise<ReadonlySet<number>>;
  /** The engine's host when it is not this PC (stack.webPorts `host`); its published ports open too. */
  webHost?(): Promise<string | undefined>;
}

export function createExternalPolicy(sources: ExternalLinkSources): ExternalPolicy {
  return async (url) => {
    if (isAllowedExternal(url, sources.httpsHosts)) return new URL(url).href;
    const port = localHttpPort(url, await sources.webHost?.());
    if (port === null) return null;
    return (await sources.webPorts()).has(port) ? new URL(url).href : null;
  };
}

export interface WebPortsCore {
  call(
    channel: 'stack.webPorts',
  ): Promise<{ ok: true; value: { ports: { name: string; port: number }[]; host?: string } } | { ok: false }>;
}

/** The engine's host from the core's answer; undefined when it is this PC or the read failed. */
export async function webHostFromCore(core: WebPortsCore): Promise<string | undefined> {
  const res = await core.call('stack.webPorts');
  return res.ok ? res.value.host : undefined;
}

/** The core's answer as a set; no stack, a failed read or a broken stack.yml opens nothing. */
export async function webPortsFromCore(core: WebPortsCore): Promise<ReadonlySet<number>> {
  const res = await core.call('stack.webPorts');
  return new Set(res.ok ? res.value.ports.map((p) => p.port) : []);
}

/** The tray's "Open Plex": Plex Web at the port this install publishes (the user may have moved it from 32400). */
export async function openPlexWeb(core: WebPortsCore, openExternal: (url: string) => unknown): Promise<boolean> {
  const res = await core.call('stack.webPorts');
  const plex = res.ok ? res.value.ports.find((p) => p.name === 'plex') : undefined;
  if (!plex) return false;
  await openExternal(`http://${res.ok && res.value.host ? res.value.host : '127.0.0.1'}:${plex.port}/web`);
  return true;
}
