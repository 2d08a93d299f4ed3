// Browser side of the bridge: implements `window.ups` over fetch + EventSource when not inside Electron.
import {
  BRIDGE_CALL_PREFIX,
  BRIDGE_EVENTS_PATH,
  BRIDGE_SUBSCRIBER_HEADER,
  BRIDGE_SUBSCRIBER_PARAM,
  PushEventSchema,
  type Envelope,
  type PushListener,
  type UpsApi,
} from '../core/contract';

/** How long a call waits for the event stream to open, so a follow made right after subscribe binds to it. */
const STREAM_OPEN_WAIT_MS = 5_000;

export function createBridgeApi(base: string = ''): UpsApi {
  const listeners = new Set<PushListener>();
  // The id of this page's current event stream, sent with every call so the bridge binds followed logs to that
  // stream and stops them when it closes. A new stream gets a new id: the old one may still be closing server-side.
  let subscriber = newSubscriberId();
  let source: EventSource | undefined;
  let opened: Promise<void> | undefined;

  function ensureStream(): void {
    if (source) return;
    subscriber = newSubscriberId();
    const s = new EventSource(`${base}${BRIDGE_EVENTS_PATH}?${BRIDGE_SUBSCRIBER_PARAM}=${subscriber}`);
    source = s;
    opened = new Promise<void>((resolve) => {
      s.onopen = () => resolve();
      s.onerror = () => resolve(); // never block calls on a stream that failed; the bridge then just binds nothing
      setTimeout(resolve, STREAM_OPEN_WAIT_MS);
    });
    s.onmessage = (msg: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(msg.data);
      } catch {
        return;
      }
      const parsed = PushEventSchema.safeParse(data);
      if (parsed.success) for (const l of listeners) l(parsed.data);
    };
  }

  return {
    async invoke(channel, input) {
      try {
        if (opened) await opened;
        const res = await fetch(`${base}${BRIDGE_CALL_PREFIX}${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [BRIDGE_SUBSCRIBER_HEADER]: subscriber },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Envelope<never>;
      } catch (err) {
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `The local bridge did not answer: ${err instanceof Error ? err.message : String(err)}`,
            fix: 'Check that `ups serve` is still running, then reload the page.',
          },
        };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      ensureStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = undefined;
          opened = undefined;
        }
      };
    },
  };
}

function newSubscriberId(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
