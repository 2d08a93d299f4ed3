// Which native notifications a state change deserves (electron-free): VPN alerts and app-update results, once each.
import { vpnOf, type TrayState } from './tray-state';

export interface NotificationSpec {
  id:
    | 'vpn-down'
    | 'vpn-restored'
    | 'update-available'
    | 'update-ready'
    | 'update-failed'
    | 'migration-done'
    | 'stack-failed'
    | 'stack-update-available'
    | 'stack-update-none'
    | 'stack-update-applied'
    | 'stack-update-rolled-back'
    | 'stack-update-failed'
    | 'diagnostics-exported'
    | 'diagnostics-failed'
    | 'folder-failed';
  title: string;
  body: string;
}

/** Compares two consecutive states; only transitions notify, so a re-sent identical push stays silent. */
export function notificationsFor(prev: TrayState, next: TrayState): NotificationSpec[] {
  const out: NotificationSpec[] = [];
  const was = vpnOf(prev);
  const now = vpnOf(next);
  if (now === 'down' && was !== 'down') {
    const why = next.vpnAlert ? `${next.vpnAlert} ` : '';
    out.push({
      id: 'vpn-down',
      title: 'VPN is down',
      body: `${why}qBittorrent and NZBGet have no internet until the VPN reconnects (the kill switch blocks them).`,
    });
  }
  if (was === 'down' && now === 'connected') {
    out.push({ id: 'vpn-restored', title: 'VPN reconnected', body: 'Downloads can continue.' });
  }
  const a = prev.appUpdate;
  const b = next.appUpdate;
  if (b.kind === 'available' && !(a.kind === 'available' && a.version === b.version)) {
    out.push({
      id: 'update-available',
      title: `Update ${b.version} available`,
      body: 'Open the tray menu to download it; nothing is installed without you.',
    });
  }
  if (b.kind === 'ready' && a.kind !== 'ready') {
    out.push({
      id: 'update-ready',
      title: `Update ${b.version} downloaded`,
      body: 'Choose "Restart to update" in the tray or dashboard when it suits you.',
    });
  }
  if (b.kind === 'error' && a.kind !== 'error') {
    out.push({ id: 'update-failed', title: 'Update check failed', body: b.message });
  }
  out.push(...stackUpdateNotifications(prev, next));
  return out;
}

/** The stack update's answers: what a check found, and how an update ended (kept, rolled back, failed). */
function stackUpdateNotifications(prev: TrayState, next: TrayState): NotificationSpec[] {
  const a = prev.stackUpdate;
  const b = next.stackUpdate;
  if (a.kind === b.kind) return [];
  if (b.kind === 'available')
    return [
      {
        id: 'stack-update-available',
        title: 'Stack updates available',
        body: `New images for ${b.services.join(', ')}. Choose "Update stack" in the tray: each service is checked for health and rolled back if it fails.`,
      },
    ];
  if (b.kind === 'none' && a.kind === 'checking')
    return [{ id: 'stack-update-none', title: 'The stack is up to date', body: 'No service has a newer image.' }];
  if (b.kind === 'error') return [{ id: 'stack-update-failed', title: 'Stack update did not run', body: b.message }];
  if (b.kind !== 'done') return [];
  if (b.outcome === 'rolled-back')
    return [{ id: 'stack-update-rolled-back', title: 'Stack update rolled back', body: b.message }];
  if (b.outcome === 'failed') return [{ id: 'stack-update-failed', title: 'Stack update failed', body: b.message }];
  return [{ id: 'stack-update-applied', title: 'Stack updated', body: b.message }];
}

/** Migration (DESIGN §1.6) reports through progress pushes with an operation id starting `migrate`; its last step notifies. */
export function migrationDoneNotification(
  operationId: string,
  current: number,
  total: number,
): NotificationSpec | null {
  if (!operationId.startsWith('migrate') || total === 0 || current < total) return null;
  return {
    id: 'migration-done',
    title: 'Migration finished',
    body: 'Your media now lives on the new location. The local copy is kept until you confirm deleting it.',
  };
}
