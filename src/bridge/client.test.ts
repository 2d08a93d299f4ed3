// The browser client's side of subscriber binding: the stream URL names a subscriber id, every call carries the
// current one, a call waits for the stream to open, and a new stream gets a new id. fetch/EventSource are stand-ins
// that record what the browser would send.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_SUBSCRIBER_HEADER, BRIDGE_SUBSCRIBER_PATTERN } from '../core/contract';
import { createBridgeApi } from './client';

class FakeEventSource {
  static all: FakeEventSource[] = [];
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((m: MessageEvent<string>) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  close() {
    this.closed = true;
  }
}

function setup() {
  FakeEventSource.all = [];
  const sent: { url: string; headers: Record<string, string> }[] = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: { headers: Record<string, string> }) => {
      sent.push({ url, headers: init.headers });
      return { json: async () => ({ ok: true, value: {} }) };
    }),
  );
  return { api: createBridgeApi('http://127.0.0.1:1'), sent };
}

afterEach(() => vi.unstubAllGlobals());

const idOf = (url: string) => new URL(url).searchParams.get('subscriber') ?? '';

describe('bridge client subscriber', () => {
  it('names its stream and sends the same id with calls, once the stream is open', async () => {
    const { api, sent } = setup();
    const off = api.subscribe(() => {});
    const stream = FakeEventSource.all[0]!;
    const id = idOf(stream.url);
    expect(id).toMatch(BRIDGE_SUBSCRIBER_PATTERN);
    const call = api.invoke('stack.logs.follow', { service: 'radarr', tail: 1 });
    await Promise.resolve();
    expect(sent).toHaveLength(0); // still waiting for the stream, so the follow can bind to it
    stream.onopen!();
    await call;
    expect(sent[0]!.headers[BRIDGE_SUBSCRIBER_HEADER]).toBe(id);
    off();
    expect(stream.closed).toBe(true);
  });

  it('a stream that fails does not block calls', async () => {
    const { api, sent } = setup();
    api.subscribe(() => {});
    const call = api.invoke('app.info', {});
    FakeEventSource.all[0]!.onerror!();
    await call;
    expect(sent).toHaveLength(1);
  });

  it('a new stream gets a new id, and calls follow it', async () => {
    const { api, sent } = setup();
    api.subscribe(() => {})();
    const off = api.subscribe(() => {});
    const [first, second] = FakeEventSource.all;
    expect(idOf(second!.url)).not.toBe(idOf(first!.url));
    second!.onopen!();
    await api.invoke('app.info', {});
    expect(sent[0]!.headers[BRIDGE_SUBSCRIBER_HEADER]).toBe(idOf(second!.url));
    off();
  });

  it('ignores a push that is not JSON or not a push', () => {
    const { api } = setup();
    const seen: unknown[] = [];
    api.subscribe((e) => seen.push(e));
    const s = FakeEventSource.all[0]!;
    s.onmessage!({ data: 'not json' } as MessageEvent<string>);
    s.onmessage!({ data: '{"type":"nope"}' } as MessageEvent<string>);
    s.onmessage!({
      data: JSON.stringify({ type: 'log', streamId: 's', service: 'radarr', line: 'x' }),
    } as MessageEvent<string>);
    expect(seen).toEqual([{ type: 'log', streamId: 's', service: 'radarr', line: 'x' }]);
  });
});
