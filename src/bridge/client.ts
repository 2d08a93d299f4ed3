// Browser side of the bridge: implements `window.ups` over fetch + EventSource when not inside Electron.
import { BRIDGE_CALL_PREFIX, BRIDGE_EVENTS_PATH, PushEventSchema, type Envelope, type PushListener, type UpsApi } from '../core/contract';

export function createBridgeApi(base: string = ''): UpsApi {
  const listeners = new Set<PushListener>();
  let source: EventSource | undefined;

  function ensureStream(): void {
    if (source) return;
    source = new EventSource(`${base}${BRIDGE_EVENTS_PATH}`);
    source.onmessage = (msg: MessageEvent<string>) => {
      const parsed = PushEventSchema.safeParse(JSON.parse(msg.data));
      if (parsed.success) for (const l of listeners) l(parsed.data);
    };
  }

  return {
    async invoke(channel, input) {
      try {
        const res = await fetch(`${base}${BRIDGE_CALL_PREFIX}${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Envelope<never>;
      } catch (err) {
        return { ok: false, error: { code: 'INTERNAL', message: `The local bridge did not answer: ${err instanceof Error ? err.message : String(err)}`, fix: 'Check that `ups serve` is still running, then reload the page.' } };
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
        }
      };
    },
  };
}
