// The IPC binder with electron mocked at its edge and the real App service behind it: parsing, sender check, pushes.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { userProfile } from '../core/profile/user-profile';
import type { AppDeps } from '../core/app/app-service';
import { createAppService } from '../core/app/app-service';
import { calls, channels, fromZodError, IPC_INVOKE, IPC_PUSH, type Envelope, type PushEvent } from '../core/contract';
import { bindIpc, subscriberOf } from './ipc-binder';
import { isTrustedSenderUrl } from './trusted-sender';

const ipc = vi.hoisted(() => ({ handlers: new Map<string, (...args: unknown[]) => unknown>() }));
vi.mock('electron', () => ({
  ipcMain: {
    handle: vi.fn((name: string, fn: (...args: unknown[]) => unknown) => ipc.handlers.set(name, fn)),
    removeHandler: vi.fn((name: string) => ipc.handlers.delete(name)),
  },
}));

const rendererIndex = '/opt/ups/resources/app.asar/dist/renderer/index.html';
const ownUrl = `file://${rendererIndex}`;

/**
 * App deps whose required ports are recorders: whatever a handler would touch on them shows up in `touched`.
 * Plain values (names, engine tuning, empty desktop ports) are given.
 */
function recordingDeps() {
  const touched: string[] = [];
  const given: Partial<AppDeps> = {
    version: '9.9.9',
    platform: 'linux',
    arch: 'x64',
    door: 'electron',
    project: 'ups-t-ipc',
    probes: async () => [],
    plex: {},
    migrate: {},
    desktop: {},
    profile: userProfile('/nonexistent/ups-t-ipc'),
    catalogDir: '/nonexistent/compose',
    engine: { vpnWatchIntervalMs: 0, egressUrl: 'http://127.0.0.1:9/ip', composeEnv: {}, hostEnv: {} },
  };
  const ports = new Set(['installRoot', 'endpoint', 'detectCompose', 'vault', 'host', 'wiring']);
  const recorder = (path: string): unknown =>
    new Proxy(function () {}, {
      get: (_t, key) => {
        if (key === Symbol.toPrimitive) return () => `[${path}]`;
        if (typeof key === 'symbol' || key === 'then') return undefined;
        touched.push(`${path}.${key}`);
        return recorder(`${path}.${key}`);
      },
      apply: () => (touched.push(`${path}()`), Promise.resolve(null)),
    });
  const deps = new Proxy({} as AppDeps, {
    get: (_t, key) =>
      typeof key === 'string' && key in given
        ? given[key as keyof AppDeps]
        : typeof key === 'string' && ports.has(key)
          ? recorder(`deps.${key}`)
          : undefined,
  });
  return { deps, touched };
}

/** `withPushes: false` keeps the engine's status mirror (started by any push subscriber) out of the invoke tests. */
function setup(withPushes = false) {
  const { deps, touched } = recordingDeps();
  const real = createAppService(deps);
  const released: string[] = [];
  const handled: unknown[] = [];
  const core = {
    ...real,
    ...(withPushes ? {} : { subscribe: () => () => undefined }),
    handle: (channel: unknown, input: unknown, caller?: { subscriber?: string }) => (
      handled.push(caller),
      real.handle(channel, input, caller)
    ),
    releaseSubscriber: async (id: string) => void released.push(id),
  };
  touched.length = 0; // only what happens per call counts
  const sent: PushEvent[] = [];
  const alive = { isDestroyed: () => false, send: vi.fn((_c: string, e: PushEvent) => sent.push(e)) };
  const dead = { isDestroyed: () => true, send: vi.fn() };
  const binding = bindIpc(
    core,
    (url) => isTrustedSenderUrl(url, rendererIndex),
    () => [alive, dead] as never,
  );
  // A window's webContents as the binder uses it: an id and its lifecycle events.
  const windowA = Object.assign(new EventEmitter(), { id: 7 });
  const invoke = (
    channel: unknown,
    input: unknown,
    url: string | null = ownUrl,
    sender: EventEmitter & { id: number } = windowA,
  ) =>
    ipc.handlers.get(IPC_INVOKE)!({ senderFrame: url === null ? null : { url }, sender }, channel, input) as Promise<
      Envelope<unknown>
    >;
  return { core, touched, invoke, binding, alive, dead, sent, windowA, released, handled };
}

beforeEach(() => ipc.handlers.clear());

describe('bindIpc', () => {
  it('registers exactly the one invoke channel', () => {
    setup();
    expect([...ipc.handlers.keys()]).toEqual([IPC_INVOKE]);
  });

  it.each(channels)(
    '%s: a malformed payload gets an envelope error naming the field, and nothing reaches the handler',
    async (channel) => {
      const { invoke, touched } = setup();
      for (const bad of ['not-an-object', 42, [1, 2]]) {
        const res = await invoke(channel, bad);
        // Exactly the error the contract's own schema gives for this payload: proof that it is what parsed it.
        const expected = calls[channel].input.safeParse(bad);
        expect(expected.success).toBe(false);
        expect(res).toEqual({ ok: false, error: fromZodError(expected.error!, 'input') });
        if (!res.ok) expect(res.error.field).toBe('input');
      }
      expect(touched).toEqual([]);
    },
  );

  it('an unknown key is named in the error and stopped before the handler', async () => {
    const { invoke, touched } = setup();
    const res = await invoke('app.info', { extra: true });
    expect(res).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'input' } });
    expect(!res.ok && res.error.message).toContain('extra');
    expect(touched).toEqual([]);
  });

  it('an unknown channel is refused, naming the channel field', async () => {
    const { invoke, touched } = setup();
    expect(await invoke('fs.deleteEverything', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', field: 'channel' },
    });
    expect(touched).toEqual([]);
  });

  it('a valid call from our own renderer reaches the App service', async () => {
    const { invoke, touched } = setup();
    const res = await invoke('app.info', {});
    expect(res).toMatchObject({ ok: true, value: { version: '9.9.9', door: 'electron', installRoot: null } });
    expect(touched).toContain('deps.installRoot()');
  });

  it.each([
    ['a remote page', 'https://evil.example/index.html'],
    ['another local file', 'file:///tmp/evil/index.html'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['a frame that is gone', null],
  ])('a forged sender (%s) is rejected before parsing', async (_name, url) => {
    const { invoke, touched } = setup();
    const res = await invoke('app.info', {}, url);
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(touched).toEqual([]);
  });

  it('forwards pushes to live windows only, and dispose unbinds both directions', () => {
    const { core, binding, alive, dead, sent } = setup(true);
    const event: PushEvent = {
      type: 'progress',
      progress: { operationId: 'op', step: 'pull', current: 1, total: 2, message: '' },
    };
    core.publish(event);
    expect(alive.send).toHaveBeenCalledWith(IPC_PUSH, event);
    expect(dead.send).not.toHaveBeenCalled();
    binding.dispose();
    core.publish(event);
    expect(sent.filter((e) => e.type === 'progress')).toHaveLength(1);
    expect(ipc.handlers.has(IPC_INVOKE)).toBe(false);
  });

  it('names the sending window as the caller, so follow-style calls bind to it', async () => {
    const { invoke, handled, windowA } = setup();
    await invoke('app.info', {});
    expect(handled).toEqual([{ subscriber: subscriberOf(windowA) }]);
  });

  it.each(['destroyed', 'render-process-gone', 'did-navigate'])(
    'releases what a window followed once its page is gone (%s), once',
    async (why) => {
      const { invoke, released, windowA } = setup();
      await invoke('app.info', {});
      await invoke('app.info', {});
      expect(released).toEqual([]);
      windowA.emit(why);
      windowA.emit('destroyed');
      expect(released).toEqual([subscriberOf(windowA)]);
      expect(
        windowA.listenerCount('destroyed') +
          windowA.listenerCount('render-process-gone') +
          windowA.listenerCount('did-navigate'),
      ).toBe(0);
    },
  );

  it('a follow from a window without a subscriber is refused; with one it reaches the engine', async () => {
    const { invoke, core } = setup();
    const refused = await core.handle('stack.logs.follow', { service: 'radarr', tail: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'subscriber' } });
    // With the window as subscriber the call gets past the subscriber check to the (absent) install.
    const viaWindow = await invoke('stack.logs.follow', { service: 'radarr', tail: 1 });
    expect(viaWindow.ok).toBe(false);
    expect(JSON.stringify(viaWindow)).not.toMatch(/subscriber/);
  });

  it('dispose releases every window still bound', async () => {
    const { invoke, binding, released, windowA } = setup();
    const windowB = Object.assign(new EventEmitter(), { id: 8 });
    await invoke('app.info', {});
    await invoke('app.info', {}, ownUrl, windowB);
    binding.dispose();
    expect(released.sort()).toEqual([subscriberOf(windowA), subscriberOf(windowB)].sort());
    expect(windowB.listenerCount('destroyed')).toBe(0);
  });
});
