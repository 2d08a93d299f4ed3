// Runs the status mirror while anyone listens: started by the first push subscriber, stopped after the last,
// publishing `stack.status` pushes through the App service. Also hands raw events to other engine parts.
import type Docker from 'dockerode';
import type { PushEvent, StackStatus } from '../contract';
import { createStatusMirror, type StatusMirror } from './status-mirror';
import type { EngineEvent } from './status-mirror-events';

export interface MirrorHub {
  /** Called by the App service when its subscriber count changes. */
  subscribersChanged(count: number): void;
  /** The mirrored status while connected, else null (callers then list directly). */
  current(): StackStatus | null;
  /** Raw events while the mirror runs (VPN recovery); listening alone does not start the mirror. */
  onEvent(listener: (e: EngineEvent) => void): () => void;
  stop(): void;
}

export function createMirrorHub(docker: Docker, project: string, publish: (e: PushEvent) => void): MirrorHub {
  const eventListeners = new Set<(e: EngineEvent) => void>();
  let subscribers = 0;
  let mirror: StatusMirror | null = null;

  function reconcile(): void {
    const wanted = subscribers > 0;
    if (wanted && !mirror) {
      mirror = createStatusMirror({
        docker,
        project,
        onStatus: (status) => publish({ type: 'stack.status', status }),
        onEvent: (e) => {
          for (const l of eventListeners) l(e);
        },
      });
      mirror.start();
    } else if (!wanted && mirror) {
      mirror.stop();
      mirror = null;
    }
  }

  return {
    subscribersChanged(count) {
      subscribers = count;
      reconcile();
    },
    current: () => (mirror?.connected() ? mirror.current() : null),
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    stop() {
      subscribers = 0;
      eventListeners.clear();
      reconcile();
    },
  };
}
