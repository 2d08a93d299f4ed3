// Runs the status mirror while anyone listens: started by the first push subscriber, stopped after the last,
// publishing `stack.status` pushes through the App service (with the VPN watch's latest verdict folded in).
// Also hands raw events and the active/idle state to other engine parts (VPN recovery, VPN watch).
import type Docker from 'dockerode';
import type { PushEvent, StackStatus, VpnAlert } from '../contract';
import { createStatusMirror, type StatusMirror } from './status-mirror';
import type { EngineEvent } from './status-mirror-events';

export interface MirrorHub {
  /** Called by the App service when its subscriber count changes. */
  subscribersChanged(count: number): void;
  /** The mirrored status while connected, else null (callers then list directly). */
  current(): StackStatus | null;
  /** Raw events while the mirror runs (VPN recovery); listening alone does not start the mirror. */
  onEvent(listener: (e: EngineEvent) => void): () => void;
  /** Told when the mirror starts (true) or stops (false): background checks run only while someone listens. */
  onActiveChange(listener: (active: boolean) => void): () => void;
  /** The VPN watch's verdict; a change is pushed at once as a new stack.status. */
  setVpn(alert: VpnAlert): void;
  vpn(): VpnAlert | undefined;
  stop(): void;
}

export function createMirrorHub(docker: Docker, project: string, publish: (e: PushEvent) => void): MirrorHub {
  const eventListeners = new Set<(e: EngineEvent) => void>();
  const activeListeners = new Set<(active: boolean) => void>();
  let subscribers = 0;
  let mirror: StatusMirror | null = null;
  let vpn: VpnAlert | undefined;
  const withVpn = (s: StackStatus): StackStatus => (vpn ? { ...s, vpn } : s);

  function reconcile(): void {
    const wanted = subscribers > 0;
    if (wanted && !mirror) {
      mirror = createStatusMirror({
        docker,
        project,
        onStatus: (status) => publish({ type: 'stack.status', status: withVpn(status) }),
        onEvent: (e) => {
          for (const l of eventListeners) l(e);
        },
      });
      mirror.start();
      for (const l of activeListeners) l(true);
    } else if (!wanted && mirror) {
      mirror.stop();
      mirror = null;
      for (const l of activeListeners) l(false);
    }
  }

  return {
    subscribersChanged(count) {
      subscribers = count;
      reconcile();
    },
    current: () => {
      const s = mirror?.connected() ? mirror.current() : null;
      return s ? withVpn(s) : null;
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onActiveChange(listener) {
      activeListeners.add(listener);
      if (mirror) listener(true);
      return () => activeListeners.delete(listener);
    },
    setVpn(alert) {
      const changed =
        !vpn ||
        vpn.verdict !== alert.verdict ||
        vpn.reason !== alert.reason ||
        vpn.stopped.join() !== alert.stopped.join() ||
        vpn.recordError?.message !== alert.recordError?.message;
      vpn = alert;
      const s = mirror?.current();
      if (changed && s) publish({ type: 'stack.status', status: withVpn(s) });
    },
    vpn: () => vpn,
    stop() {
      subscribers = 0;
      eventListeners.clear();
      reconcile();
      activeListeners.clear();
    },
  };
}
