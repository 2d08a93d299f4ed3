// Native notifications: shows what core/tray decided deserves one; a click opens the dashboard.
import type { Notification as NotificationType, NotificationConstructorOptions } from 'electron';
import type { NotificationSpec } from '../core/tray/tray-notifications';

export interface NotificationClass {
  new (opts: NotificationConstructorOptions): Pick<NotificationType, 'show' | 'on'>;
  isSupported(): boolean;
}

export function createNotifier(
  Notification: NotificationClass,
  icon: string | undefined,
  onClick: () => void,
): (spec: NotificationSpec) => void {
  return (spec) => {
    // Unsupported (e.g. Windows without an AppUserModelID in dev): the tray already shows the state, so stay silent.
    if (!Notification.isSupported()) return;
    const n = new Notification({ title: spec.title, body: spec.body, ...(icon ? { icon } : {}) });
    n.on('click', () => onClick());
    n.show();
  };
}
