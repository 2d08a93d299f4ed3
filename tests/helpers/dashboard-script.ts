// The core's answers for an installed stack where everything works, as the dashboard layout suites script them at the
// bridge (tests/helpers/scripted-bridge.ts checks each against the contract): each state of a suite changes one thing.
import { type CallOutput, defaultPorts, type ServiceStatus, type StackStatus } from '../../src/core/contract';
import type { Script } from './scripted-bridge';

export function dashboardScript(project: string) {
  const now = () => new Date().toISOString();
  const apps = ['plex', 'seerr', 'radarr', 'sonarr', 'prowlarr', 'bazarr', 'qbittorrent', 'vpn'];
  const svc = (service: string, over: Partial<ServiceStatus> = {}): ServiceStatus => ({
    service,
    containerId: `${(apps.indexOf(service) + 10).toString(16)}`.padEnd(64, 'a'),
    containerName: `${project}-${service}-1`,
    state: 'running',
    health: 'healthy',
    image: `lscr.io/linuxserver/${service}:1.0.0`,
    statusText: 'Up 2 hours (healthy)',
    createdAt: now(),
    ports: service === 'vpn' ? ['127.0.0.1:8080->8080/tcp'] : [],
    ...over,
  });
  const stack = (over: Record<string, Partial<ServiceStatus>> = {}, more: string[] = []): StackStatus => {
    const services = [...apps, ...more].map((a) => svc(a, over[a]));
    return {
      project,
      overall: services.every((s) => s.state === 'running') ? 'running' : 'degraded',
      services,
      observedAt: now(),
    };
  };
  const okLinks = (): CallOutput<'links.test'> => ({
    ok: true,
    links: [
      {
        id: 'radarr-qbittorrent',
        from: 'radarr',
        to: 'qbittorrent',
        ok: true,
        detail: 'Radarr can reach qBittorrent.',
      },
      { id: 'prowlarr-radarr', from: 'prowlarr', to: 'radarr', ok: true, detail: 'Prowlarr sends indexers to Radarr.' },
    ],
  });
  const info = (installRoot: string | null) => () =>
    ({ version: 't', platform: 'win32', arch: 'x64', door: 'browser', installRoot }) as const;

  /** An installed stack where everything works, with what its dialogs read; each state below changes one thing. */
  const installed = (): Script => ({
    'app.info': info('D:\\UPS'),
    'wizard.load': () => null,
    'stack.status': () => stack(),
    'vpn.check': () => ({
      verdict: 'safe',
      reason: 'gluetun tunnel up; egress 203.0.113.9 differs from host 198.51.100.7',
      vpnPublicIp: '203.0.113.9',
      stopped: [],
      checkedAt: now(),
    }),
    'links.test': okLinks,
    'wiring.plan': () => ({ steps: [], pending: 0, failed: 0 }),
    'logins.list': () => ({
      logins: [
        {
          secret: 'arr.ui_password',
          apps: 'Radarr, Sonarr, Prowlarr',
          username: 'ups-admin',
          urls: ['http://localhost:7878', 'http://localhost:8989', 'http://localhost:9696'],
          stored: true,
        },
      ],
    }),
    'stack.webPorts': () => ({
      ports: apps.filter((a) => a !== 'vpn').map((name) => ({ name, port: defaultPorts[name as 'plex'] })),
    }),
    'ui.nextSteps.get': () => ({ done: [] }),
    'stack.settings.get': () => ({
      installRoot: 'D:\\UPS',
      timeZone: 'Europe/Berlin',
      ports: { ...defaultPorts },
      lanAccess: false,
      enabledPorts: ['vpnControl', 'plex', 'qbittorrent', 'prowlarr', 'radarr', 'sonarr', 'bazarr', 'seerr'],
    }),
    'stack.settings.plan': () => ({ restart: ['vpn', 'qbittorrent'], total: 8 }),
    'secrets.status': () => ({
      backend: 'Windows Credential Manager',
      entries: [
        {
          name: 'vpn.openvpn.user',
          label: 'VPN service user name (OpenVPN)',
          envVar: 'UPS_VPN_OPENVPN_USER',
          set: true,
        },
        { name: 'nas.user', label: 'NAS user name', envVar: 'UPS_NAS_USER', set: false },
      ],
    }),
    'indexers.list': () => ({
      indexers: [{ name: '1337x', definition: '1337x', enable: true, managed: true, inProwlarr: true }],
    }),
    'indexers.definitions': () => ({
      definitions: [
        {
          definition: 'yts',
          name: 'YTS',
          description: 'Public films',
          privacy: 'public',
          protocol: 'torrent',
          fields: [],
        },
      ],
    }),
  });
  return { now, stack, okLinks, info, installed };
}
