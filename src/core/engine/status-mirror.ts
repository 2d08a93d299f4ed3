// The status mirror: dockerode list + events for one compose project, kept as a StackStatus and
// handed to listeners only when it changes. The event stream reconnects with backoff when the engine restarts or
// the stream breaks; doors never poll.
import type Docker from 'dockerode';
import type { StackStatus } from '../contract';
import { PROJECT_LABEL, readStackStatus } from './stack-status';
import { readEventStream, type EngineEvent } from './status-mirror-events';
import { patchStatus } from './status-mirror-patch';

export interface StatusMirrorOptions {
  docker: Docker;
  project: string;
  onStatus(status: StackStatus): void;
  /** Raw container events of the project (VPN recovery listens here). */
  onEvent?(event: EngineEvent): void;
  /** Connection state changes, for logs and tests. */
  onConnection?(connected: boolean, error?: string): void;
  backoff?: { initialMs: number; maxMs: number };
}

export interface StatusMirror {
  start(): void;
  stop(): void;
  current(): StackStatus | null;
  connected(): boolean;
}

/** Status equality ignores observedAt: only what a user could see counts as a change. */
export function statusKey(s: StackStatus): string {
  return JSON.stringify({ ...s, observedAt: '' });
}

export function createStatusMirror(opts: StatusMirrorOptions): StatusMirror {
  const backoff = opts.backoff ?? { initialMs: 200, maxMs: 5000 };
  let running = false;
  let isConnected = false;
  let last: StackStatus | null = null;
  let lastKey = '';
  let delay = backoff.initialMs;
  let retryTimer: NodeJS.Timeout | undefined;
  let closeStream: (() => void) | undefined;
  // Refreshes are serialised; events arriving during one coalesce into a single follow-up list.
  let refreshing = false;
  let dirty = false;
  // Bumped by each event patch: a list that started before a patch may predate it and must not undo it.
  let patchSeq = 0;

  function emitIfChanged(s: StackStatus): void {
    const key = statusKey(s);
    if (key === lastKey) return;
    lastKey = key;
    last = s;
    opts.onStatus(s);
  }

  async function refresh(): Promise<void> {
    if (refreshing) {
      dirty = true;
      return;
    }
    refreshing = true;
    try {
      do {
        dirty = false;
        const seq = patchSeq;
        const s = await readStackStatus(opts.docker, opts.project, undefined, { startTimes: true });
        if (!running) return;
        // A patch landed meanwhile: this list may be older than it; the patch's event already asked for another.
        if (seq !== patchSeq) continue;
        emitIfChanged(s);
      } while (dirty && running);
    } finally {
      refreshing = false;
    }
  }

  function setConnected(v: boolean, error?: string): void {
    if (isConnected === v) return;
    isConnected = v;
    opts.onConnection?.(v, error);
  }

  function scheduleReconnect(error: string): void {
    closeStream = undefined;
    setConnected(false, error);
    if (!running || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
    // A retry alone must not keep a process alive (the open event stream does that while connected).
    retryTimer.unref();
    delay = Math.min(backoff.maxMs, delay * 2);
  }

  async function connect(): Promise<void> {
    if (!running) return;
    try {
      // Subscribe first, then list: an event between the two cannot be lost.
      closeStream = await readEventStream(
        opts.docker,
        { type: ['container'], label: [`${PROJECT_LABEL}=${opts.project}`] },
        (e) => {
          opts.onEvent?.(e);
          // Push what the event already says, then confirm with a list (which also catches what it cannot say).
          const patched = last ? patchStatus(last, e) : null;
          if (patched) {
            patchSeq++;
            emitIfChanged(patched);
          }
          void refresh().catch((err: unknown) => scheduleReconnect(String(err)));
        },
        (err) => scheduleReconnect(err),
      );
      if (!running) return closeStream();
      await refresh();
      delay = backoff.initialMs;
      setConnected(true);
    } catch (err) {
      closeStream?.();
      scheduleReconnect(err instanceof Error ? err.message : String(err));
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      delay = backoff.initialMs;
      void connect();
    },
    stop() {
      running = false;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      closeStream?.();
      closeStream = undefined;
      isConnected = false;
    },
    current: () => last,
    connected: () => isConnected,
  };
}
