// The preload with electron mocked at its edge: exposes exactly `window.ups`, relays invokes and pushes, unsubscribes.
import { describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE, IPC_PUSH, type PushEvent } from '../core/contract';

const exposed = vi.hoisted(() => new Map<string, unknown>());
const listeners = vi.hoisted(() => new Map<string, Set<(...a: unknown[]) => void>>());
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)) },
  ipcRenderer: {
    invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args })),
    on: vi.fn((ch: string, fn: (...a: unknown[]) => void) =>
      (listeners.get(ch) ?? listeners.set(ch, new Set()).get(ch)!).add(fn),
    ),
    removeListener: vi.fn((ch: string, fn: (...a: unknown[]) => void) => listeners.get(ch)?.delete(fn)),
  },
}));

describe('preload', () => {
  it('exposes exactly one object, window.ups, with invoke and subscribe only', async () => {
    await import('./preload');
    expect([...exposed.keys()]).toEqual(['ups']);
    expect(Object.keys(exposed.get('ups') as object).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('invoke goes over the one invoke channel with channel and input as given', async () => {
    await import('./preload');
    const ups = exposed.get('ups') as { invoke: (c: string, i: unknown) => Promise<unknown> };
    expect(await ups.invoke('app.info', {})).toEqual({ ok: true, value: [IPC_INVOKE, 'app.info', {}] });
  });

  it('subscribe relays pushes without the IPC event and unsubscribes cleanly', async () => {
    await import('./preload');
    const ups = exposed.get('ups') as { subscribe: (l: (e: PushEvent) => void) => () => void };
    const got: PushEvent[] = [];
    const off = ups.subscribe((e) => got.push(e));
    const event: PushEvent = {
      type: 'progress',
      progress: { operationId: 'o', step: 's', current: 0, total: 1, message: '' },
    };
    for (const fn of listeners.get(IPC_PUSH)!) fn({ sender: 'ipc-event' }, event);
    expect(got).toEqual([event]);
    off();
    expect(listeners.get(IPC_PUSH)!.size).toBe(0);
  });
});
