// Native notifications with electron's Notification faked: shown with the spec's text, click opens the dashboard.
import { describe, expect, it, vi } from 'vitest';
import { createNotifier } from './notifier';

vi.mock('electron', () => ({}));

function fakeNotificationClass(supported: boolean) {
  const made: { opts: Record<string, unknown>; show: ReturnType<typeof vi.fn>; click?: () => void }[] = [];
  class FakeNotification {
    static isSupported = () => supported;
    show = vi.fn();
    constructor(readonly opts: Record<string, unknown>) {
      made.push(this as never);
    }
    on(event: string, h: () => void) {
      if (event === 'click') (this as unknown as { click: () => void }).click = h;
      return this;
    }
  }
  return { FakeNotification, made };
}

describe('createNotifier', () => {
  it('shows the notification and opens the dashboard on click', () => {
    const { FakeNotification, made } = fakeNotificationClass(true);
    const open = vi.fn();
    createNotifier(FakeNotification as never, '/icon.png', open)({ id: 'vpn-down', title: 'VPN is down', body: 'b' });
    expect(made).toHaveLength(1);
    expect(made[0]!.opts).toEqual({ title: 'VPN is down', body: 'b', icon: '/icon.png' });
    expect(made[0]!.show).toHaveBeenCalled();
    made[0]!.click!();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('stays silent where the OS has no notifications', () => {
    const { FakeNotification, made } = fakeNotificationClass(false);
    createNotifier(FakeNotification as never, undefined, vi.fn())({ id: 'vpn-down', title: 't', body: 'b' });
    expect(made).toHaveLength(0);
  });
});
