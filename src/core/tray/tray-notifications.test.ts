// Notifications fire on transitions only: VPN down/restored, update offered/downloaded/failed, migration finished.
import { describe, expect, it } from 'vitest';
import { service, stack } from './tray-fixtures';
import { migrationDoneNotification, notificationsFor } from './tray-notifications';
import { initialTrayState, trayIconKind, withVpnVerdict, type TrayState } from './tray-state';

const up: TrayState = { ...initialTrayState, stack: stack('running', [service('vpn'), service('qbittorrent')]) };
const vpnDown: TrayState = {
  ...initialTrayState,
  stack: stack('degraded', [service('vpn', 'running', 'unhealthy'), service('qbittorrent')]),
};
const ids = (prev: TrayState, next: TrayState) => notificationsFor(prev, next).map((n) => n.id);

describe('notificationsFor', () => {
  it('warns once when the VPN goes down and once when it comes back', () => {
    expect(ids(up, vpnDown)).toEqual(['vpn-down']);
    expect(ids(vpnDown, vpnDown)).toEqual([]);
    expect(ids(vpnDown, up)).toEqual(['vpn-restored']);
    expect(ids(up, up)).toEqual([]);
  });

  it('says nothing about a VPN the stack does not have', () => {
    const noVpn: TrayState = { ...initialTrayState, stack: stack('running', [service('plex')]) };
    expect(ids(initialTrayState, noVpn)).toEqual([]);
  });

  it('offers an update once per version, announces a finished download and a failure', () => {
    const avail = (version: string): TrayState => ({ ...up, appUpdate: { kind: 'available', version } });
    expect(ids(up, avail('1.1.0'))).toEqual(['update-available']);
    expect(ids(avail('1.1.0'), avail('1.1.0'))).toEqual([]);
    expect(ids(avail('1.1.0'), avail('1.2.0'))).toEqual(['update-available']);
    expect(ids(avail('1.1.0'), { ...up, appUpdate: { kind: 'ready', version: '1.1.0' } })).toEqual(['update-ready']);
    const failed = notificationsFor(up, { ...up, appUpdate: { kind: 'error', message: 'feed unreachable' } });
    expect(failed).toEqual([expect.objectContaining({ id: 'update-failed', body: 'feed unreachable' })]);
  });
});

describe('migrationDoneNotification', () => {
  it('only for the last step of a migration operation', () => {
    expect(migrationDoneNotification('migrate-42', 10, 10)?.id).toBe('migration-done');
    expect(migrationDoneNotification('migrate-42', 9, 10)).toBeNull();
    expect(migrationDoneNotification('update-1', 10, 10)).toBeNull();
    expect(migrationDoneNotification('migrate-42', 0, 0)).toBeNull();
  });
});

describe('the engine VPN watch verdict', () => {
  it('a verdict carried on stack.status wins over the container health', () => {
    const leak: TrayState = {
      ...up,
      stack: {
        ...up.stack!,
        vpn: { verdict: 'leak', reason: 'egress is the host', stopped: ['qbittorrent'], at: 'x' },
      } as never,
    };
    expect(trayIconKind(leak)).toBe('vpn-alert');
    expect(ids(up, leak)).toEqual(['vpn-down']);
    const safe: TrayState = {
      ...vpnDown,
      stack: { ...vpnDown.stack!, vpn: { verdict: 'safe', reason: 'ok', stopped: [], at: 'x' } } as never,
    };
    expect(trayIconKind(safe)).not.toBe('vpn-alert');
  });

  it('a leak or tunnel-down verdict raises the alert with its reason, "safe" clears it, "unknown" keeps it', () => {
    const leak = withVpnVerdict(up, 'leak', 'qBittorrent egress is the host IP.');
    expect(trayIconKind(leak)).toBe('vpn-alert');
    expect(notificationsFor(up, leak)).toEqual([
      expect.objectContaining({ id: 'vpn-down', body: expect.stringContaining('qBittorrent egress is the host IP.') }),
    ]);
    expect(withVpnVerdict(leak, 'unknown', 'could not check')).toEqual(leak);
    const safe = withVpnVerdict(leak, 'safe', 'ok');
    expect(safe.vpnAlert).toBeNull();
    expect(ids(leak, safe)).toEqual(['vpn-restored']);
  });
});

describe('stack update notifications', () => {
  const su = (stackUpdate: TrayState['stackUpdate']): TrayState => ({ ...up, stackUpdate });
  it('one notification per answer: found, up to date, kept, rolled back, failed', () => {
    expect(ids(su({ kind: 'checking' }), su({ kind: 'available', services: ['plex'] }))).toEqual([
      'stack-update-available',
    ]);
    expect(ids(su({ kind: 'checking' }), su({ kind: 'none' }))).toEqual(['stack-update-none']);
    const applying = su({ kind: 'applying', operationId: 'x' });
    expect(ids(applying, su({ kind: 'done', outcome: 'applied', message: 'ok' }))).toEqual(['stack-update-applied']);
    const back = notificationsFor(applying, su({ kind: 'done', outcome: 'rolled-back', message: 'radarr unhealthy' }));
    expect(back).toEqual([expect.objectContaining({ id: 'stack-update-rolled-back', body: 'radarr unhealthy' })]);
    expect(ids(applying, su({ kind: 'error', message: 'engine down' }))).toEqual(['stack-update-failed']);
    expect(ids(su({ kind: 'none' }), su({ kind: 'none' }))).toEqual([]);
  });
});
