// The dashboard's first line: the worst of containers, VPN and app connections, in plain words, with at most one action.
import { fixAction, type FixAction, type StackStatus, type VpnVerdict } from '../../core/contract';
import { serviceName } from '../display-names';

/** The latest VPN verdict the screen knows (the watch's push or a check), or null while none is known. */
export interface VpnState {
  verdict: VpnVerdict;
  /** Download clients the watch stopped because of the verdict. */
  stopped: string[];
}

/** What the link tests found; 'unknown' when they could not run, null while they run. */
export type LinksState = { failed: number; total: number } | 'unknown';

export type HeadlineAction = { kind: 'fix'; action: FixAction } | { kind: 'recheck'; label: string };

/**
 * The fix a check that could not run offers for itself (a damaged record to set aside, a stack file to restore): the
 * headline offers it instead of "Check again", which would only fail the same way.
 */
export interface UnknownFixes {
  vpn?: FixAction;
  links?: FixAction;
}

const fixOr = (fix: FixAction | undefined): HeadlineAction =>
  fix ? { kind: 'fix', action: fix } : { kind: 'recheck', label: 'Check again' };

export interface Headline {
  /** Which case this is (tests and e2e read it; never shown). */
  id:
    | 'loading'
    | 'not-installed'
    | 'stopped'
    | 'vpn-down'
    | 'vpn-leak'
    | 'services-down'
    | 'services-unhealthy'
    | 'starting'
    | 'links-broken'
    | 'links-checking'
    | 'links-unknown'
    | 'vpn-unknown'
    | 'vpn-checking'
    | 'all-fine';
  tone: 'success' | 'info' | 'warning' | 'error';
  title: string;
  line?: string;
  action?: HeadlineAction;
}

const names = (ids: string[]) => {
  const n = ids.map(serviceName);
  return n.length <= 1 ? (n[0] ?? '') : `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
};
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many.replace('#', String(n)));

/**
 * Worst first: nothing installed, everything stopped, the VPN not protecting downloads, apps stopped or unhealthy,
 * apps still starting, broken connections, the VPN not checked. Green only when all three are known to be fine.
 */
export function dashboardHeadline(
  status: StackStatus | null,
  vpn: VpnState | null,
  links: LinksState | null,
  fixes: UnknownFixes = {},
): Headline {
  if (!status) return { id: 'loading', tone: 'info', title: 'Checking your media server…' };
  if (status.overall === 'not-installed' || status.services.length === 0)
    return {
      id: 'not-installed',
      tone: 'info',
      title: 'Your media server is not set up yet.',
      line: 'Setup takes about 15 minutes and asks a few questions.',
      action: { kind: 'fix', action: fixAction('setup.start', {}, 'Start setup') },
    };
  if (status.overall === 'stopped' || status.services.every((s) => s.state !== 'running'))
    return {
      id: 'stopped',
      tone: 'error',
      title: 'Your media server is stopped.',
      line: 'None of your apps is running.',
      action: { kind: 'fix', action: fixAction('stack.up', {}, 'Start everything') },
    };
  if (vpn && (vpn.verdict === 'tunnel-down' || vpn.verdict === 'leak')) {
    const reconnect = fixAction('stack.restart', { services: [...new Set(['vpn', ...vpn.stopped])] }, 'Reconnect');
    return vpn.verdict === 'tunnel-down'
      ? {
          id: 'vpn-down',
          tone: 'error',
          title: 'Downloads paused: your VPN is disconnected.',
          action: { kind: 'fix', action: reconnect },
        }
      : {
          id: 'vpn-leak',
          tone: 'error',
          title: 'Downloads paused: your VPN is not keeping them private.',
          action: { kind: 'fix', action: reconnect },
        };
  }
  const down = status.services.filter((s) => s.state !== 'running' && s.state !== 'restarting');
  if (down.length > 0)
    return {
      id: 'services-down',
      tone: 'error',
      title: plural(down.length, `${names(down.map((s) => s.service))} is stopped.`, '# apps are stopped.'),
      line: down.length > 1 ? `Stopped: ${names(down.map((s) => s.service))}.` : undefined,
      action: {
        kind: 'fix',
        action: fixAction(
          'stack.up',
          { services: down.map((s) => s.service) },
          plural(down.length, 'Start it', 'Start them'),
        ),
      },
    };
  const unhealthy = status.services.filter((s) => s.state === 'running' && s.health === 'unhealthy');
  if (unhealthy.length > 0)
    return {
      id: 'services-unhealthy',
      tone: 'warning',
      title: plural(
        unhealthy.length,
        `${names(unhealthy.map((s) => s.service))} is not responding.`,
        '# apps are not responding.',
      ),
      action: {
        kind: 'fix',
        action: fixAction(
          'stack.restart',
          { services: unhealthy.map((s) => s.service) },
          plural(unhealthy.length, 'Restart it', 'Restart them'),
        ),
      },
    };
  const starting = status.services.filter((s) => s.state === 'restarting' || s.health === 'starting');
  if (starting.length > 0)
    return {
      id: 'starting',
      tone: 'info',
      title: plural(starting.length, `${names(starting.map((s) => s.service))} is starting…`, '# apps are starting…'),
      line: 'This page updates by itself when they are ready.',
    };
  if (links && links !== 'unknown' && links.failed > 0)
    return {
      id: 'links-broken',
      tone: 'warning',
      title: plural(links.failed, '1 app connection is broken.', '# app connections are broken.'),
      line: 'Films or shows may not download until it is repaired.',
      action: { kind: 'fix', action: fixAction('wiring.apply', {}, 'Repair') },
    };
  if (!vpn) return { id: 'vpn-checking', tone: 'info', title: 'Checking your VPN…' };
  if (vpn.verdict === 'unknown')
    return {
      id: 'vpn-unknown',
      tone: 'warning',
      title: 'Your VPN could not be checked.',
      line: 'Downloads may not be private until the check passes.',
      action: fixOr(fixes.vpn),
    };
  if (!links) return { id: 'links-checking', tone: 'info', title: 'Checking the connections between your apps…' };
  if (links === 'unknown')
    return {
      id: 'links-unknown',
      tone: 'warning',
      title: 'The connections between your apps could not be checked.',
      action: fixOr(fixes.links),
    };
  return {
    id: 'all-fine',
    tone: 'success',
    title: 'Everything is working.',
    line: `${plural(status.services.length, '1 app is', '# apps are')} running, your VPN is connected and every app connection works.`,
  };
}
