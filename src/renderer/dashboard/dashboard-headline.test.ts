// The dashboard's first line for every combination of apps, VPN and connections: green only when all three are fine,
// worst first, at most one action, and always plain words.
import { describe, expect, it } from 'vitest';
import { fixAction, type ServiceStatus, type StackStatus, type VpnVerdict } from '../../core/contract';
import { findInternalText } from '../internal-text';
import { dashboardHeadline, type LinksState, type VpnState } from './dashboard-headline';

const svc = (service: string, over: Partial<ServiceStatus> = {}): ServiceStatus => ({
  service,
  containerId: `id-${service}`,
  containerName: `ups-${service}-1`,
  state: 'running',
  health: 'healthy',
  image: `img/${service}:1`,
  statusText: 'Up',
  createdAt: 'x',
  ...over,
});
const stack = (overall: StackStatus['overall'], services: ServiceStatus[]): StackStatus => ({
  project: 'ups',
  overall,
  services,
  observedAt: 'now',
});

const stacks = {
  unknown: null,
  'not-installed': stack('not-installed', []),
  stopped: stack('stopped', [svc('plex', { state: 'exited' }), svc('vpn', { state: 'exited' })]),
  healthy: stack('running', [svc('plex'), svc('radarr'), svc('vpn')]),
  'one-stopped': stack('degraded', [svc('plex'), svc('radarr', { state: 'exited' }), svc('vpn')]),
  'two-stopped': stack('degraded', [svc('plex', { state: 'dead' }), svc('radarr', { state: 'exited' }), svc('vpn')]),
  unhealthy: stack('degraded', [svc('plex'), svc('radarr', { health: 'unhealthy' }), svc('vpn')]),
  starting: stack('running', [svc('plex', { health: 'starting' }), svc('radarr'), svc('vpn')]),
} satisfies Record<string, StackStatus | null>;
const vpns: Record<string, VpnState | null> = {
  unknown: null,
  safe: { verdict: 'safe', stopped: [] },
  'tunnel-down': { verdict: 'tunnel-down', stopped: ['qbittorrent'] },
  leak: { verdict: 'leak', stopped: [] },
  'not-checked': { verdict: 'unknown', stopped: [] },
};
const linkStates: Record<string, LinksState | null> = {
  testing: null,
  'could-not-test': 'unknown',
  fine: { failed: 0, total: 4 },
  'one-broken': { failed: 1, total: 4 },
  'two-broken': { failed: 2, total: 4 },
};

/** The case each combination must land on, worst first: the rule the dashboard promises, written as a table. */
function expected(st: keyof typeof stacks, vpn: string, links: string): string {
  if (st === 'unknown') return 'loading';
  if (st === 'not-installed') return 'not-installed';
  if (st === 'stopped') return 'stopped';
  if (vpn === 'tunnel-down') return 'vpn-down';
  if (vpn === 'leak') return 'vpn-leak';
  if (st === 'one-stopped' || st === 'two-stopped') return 'services-down';
  if (st === 'unhealthy') return 'services-unhealthy';
  if (st === 'starting') return 'starting';
  if (links === 'one-broken' || links === 'two-broken') return 'links-broken';
  if (vpn === 'unknown') return 'vpn-checking';
  if (vpn === 'not-checked') return 'vpn-unknown';
  if (links === 'testing') return 'links-checking';
  if (links === 'could-not-test') return 'links-unknown';
  return 'all-fine';
}

describe('dashboard headline', () => {
  const combos = Object.keys(stacks).flatMap((st) =>
    Object.keys(vpns).flatMap((v) => Object.keys(linkStates).map((l) => [st, v, l] as const)),
  );

  it.each(combos)('apps %s, VPN %s, connections %s', (st, v, l) => {
    const h = dashboardHeadline(stacks[st as keyof typeof stacks], vpns[v]!, linkStates[l]!);
    expect(h.id).toBe(expected(st as keyof typeof stacks, v, l));
    // Green only when all three are known to be fine.
    expect(h.tone === 'success').toBe(st === 'healthy' && v === 'safe' && l === 'fine');
    // Plain words: no internal ids, at most 20 words in the title.
    expect(findInternalText(`${h.title} ${h.line ?? ''}`)).toEqual([]);
    expect(h.title.split(/\s+/).length).toBeLessThanOrEqual(20);
    if (h.action?.kind === 'fix') expect(findInternalText(h.action.action.label)).toEqual([]);
  });

  it('says what the issue promises, with one action each', () => {
    const down = dashboardHeadline(stacks.healthy, vpns['tunnel-down']!, linkStates.fine!);
    expect(down.title).toBe('Downloads paused: your VPN is disconnected.');
    expect(down.action).toEqual({
      kind: 'fix',
      action: { action: 'stack.restart', input: { services: ['vpn', 'qbittorrent'] }, label: 'Reconnect' },
    });
    const broken = dashboardHeadline(stacks.healthy, vpns.safe!, linkStates['two-broken']!);
    expect(broken.title).toBe('2 app connections are broken.');
    expect(broken.action).toMatchObject({ kind: 'fix', action: { action: 'wiring.apply', label: 'Repair' } });
    expect(dashboardHeadline(stacks.healthy, vpns.safe!, linkStates['one-broken']!).title).toBe(
      '1 app connection is broken.',
    );
    const one = dashboardHeadline(stacks['one-stopped'], vpns.safe!, linkStates.fine!);
    expect(one.title).toBe('Radarr is stopped.');
    expect(one.action).toMatchObject({ action: { action: 'stack.up', input: { services: ['radarr'] } } });
    expect(dashboardHeadline(stacks['two-stopped'], vpns.safe!, linkStates.fine!)).toMatchObject({
      title: '2 apps are stopped.',
      line: 'Stopped: Plex and Radarr.',
    });
    expect(dashboardHeadline(stacks.healthy, vpns['not-checked']!, linkStates.fine!)).toMatchObject({
      title: 'Your VPN could not be checked.',
      action: { kind: 'recheck' },
    });
    expect(dashboardHeadline(stacks['not-installed'], null, null)).toMatchObject({
      tone: 'info',
      action: { kind: 'fix', action: { action: 'setup.start', label: 'Start setup' } },
    });
    expect(dashboardHeadline(stacks.healthy, vpns.safe!, linkStates.fine!)).toMatchObject({
      tone: 'success',
      title: 'Everything is working.',
    });
    // A check that could not run and names its own fix: the headline offers that fix, not "Check again".
    const setAside = fixAction('file.setAside', { file: 'vpnWatch' });
    expect(dashboardHeadline(stacks.healthy, vpns['not-checked']!, linkStates.fine!, { vpn: setAside })).toMatchObject({
      id: 'vpn-unknown',
      action: { kind: 'fix', action: setAside },
    });
    const restore = fixAction('install.restorePrevious');
    expect(
      dashboardHeadline(stacks.healthy, vpns.safe!, linkStates['could-not-test']!, { links: restore }),
    ).toMatchObject({ id: 'links-unknown', action: { kind: 'fix', action: restore } });
    const verdicts: VpnVerdict[] = ['safe', 'leak', 'tunnel-down', 'unknown'];
    expect(verdicts.filter((v) => Object.values(vpns).some((x) => x?.verdict === v))).toEqual(verdicts);
  });
});

describe('internal text rules', () => {
  it('finds what issue 20 lists and leaves plain sentences alone', () => {
    const bad = [
      'Run `ups doctor`',
      'ups install --start',
      'HTTP 404',
      'connect ECONNREFUSED 127.0.0.1:8080',
      'vpn.user: must not be empty',
      'installRoot: install root is not absolute',
      'lscr.io/linuxserver/radarr:5.2.6',
      'It is idempotent.',
      'State: none',
      '<html><body>Not Found</body></html>',
      'Open vpn (port 8080)',
      'Set DOCKER_HOST first',
      'compose up -d exited with 1',
      'arr.ui_password',
      'vpnControl',
    ];
    for (const text of bad) expect(findInternalText(text), text).not.toEqual([]);
    const good = [
      'Downloads paused: your VPN is disconnected.',
      'Open qBittorrent',
      'Sign in to plex.tv again, e.g. with your e-mail.',
      'The files are in D:\\Media and compose.yaml was written.',
      'User name: ups-admin',
      'Everything is working.',
    ];
    for (const text of good) expect(findInternalText(text), text).toEqual([]);
  });
});
