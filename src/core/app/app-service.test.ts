import { afterEach, describe, expect, it, vi } from 'vitest';
import { testAppDeps, type TestAppOverrides } from '../../../tests/helpers/test-app';
import type { DockerEndpoint } from '../engine/docker-endpoint';
import { assembleHandlers } from './app-context';
import { calls } from '../contract';
import { createMirrorHub } from '../engine/status-mirror-hub';
import { createAppService, loadAllAreas, type AppDeps } from './app-service';
import { areaLoaders, backgroundAreas, channelArea, type AreaName } from './use-case-areas';

const deps = (over: TestAppOverrides = {}): AppDeps =>
  testAppDeps({
    version: '1.2.3',
    platform: 'win32',
    arch: 'x64',
    door: 'electron',
    project: 'ups',
    installRoot: async () => 'D:\\UltimatePlexStack',
    endpoint: {
      label: 'npipe:////./pipe/docker_engine',
      docker: {
        listContainers: async () => [],
        version: async () => ({ Version: '27.1.1', ApiVersion: '1.46', Os: 'linux' }),
      },
    } as unknown as DockerEndpoint,
    detectCompose: async () => ({ available: true, variant: 'v2', version: '2.29.1', command: ['docker', 'compose'] }),
    vault: {
      backend: 'Windows Credential Manager',
      set: async () => undefined,
      get: async (n: string) => (n === 'ups-probe' ? null : null),
      delete: async () => true,
    },
    ...over,
  });

describe('App service dispatch', () => {
  it('answers app.info from its deps', async () => {
    const r = await createAppService(deps()).handle('app.info', {});
    expect(r).toEqual({
      ok: true,
      value: {
        version: '1.2.3',
        platform: 'win32',
        arch: 'x64',
        door: 'electron',
        installRoot: 'D:\\UltimatePlexStack',
      },
    });
  });

  it('rejects unknown channels and bad input without calling a handler', async () => {
    let called = false;
    const app = createAppService(deps({ installRoot: async () => ((called = true), null) }));
    expect(await app.handle('app.nope', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', field: 'channel' },
    });
    expect(await app.handle(42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await app.handle('app.info', { x: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'input' },
    });
    expect(await app.handle('app.info', 'str')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(called).toBe(false);
  });

  it('folds probes into env.check: a vault that lies is a failed check', async () => {
    const r = await createAppService(deps()).call('env.check');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.docker).toMatchObject({ reachable: true, version: '27.1.1', osType: 'linux' });
    expect(r.value.compose.variant).toBe('v2');
    const vault = r.value.checks.find((c) => c.id === 'vault.usable');
    expect(vault?.state).toBe('fail');
    expect(r.value.overall).toBe('fail');
  });

  it('turns a thrown error into an INTERNAL envelope, never a rejection', async () => {
    const app = createAppService(
      deps({
        installRoot: async () => {
          throw new Error('disk on fire');
        },
      }),
    );
    expect(await app.handle('app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('disk on fire') },
    });
  });

  it('delivers published pushes to subscribers until they unsubscribe', () => {
    // No install root: a subscriber starts the engine's watchers, which must have nowhere to write here.
    const app = createAppService(deps({ installRoot: async () => null }));
    const got: string[] = [];
    const off = app.subscribe((e) => got.push(e.type));
    app.publish({ type: 'progress', progress: { operationId: 'x', step: 's', current: 0, total: 1, message: '' } });
    off();
    app.publish({ type: 'progress', progress: { operationId: 'x', step: 's', current: 1, total: 1, message: '' } });
    expect(got).toEqual(['progress']);
  });

  it('passes the caller from the door: a door without a subscriber cannot follow, in-process callers can', async () => {
    // No install root: a follow that gets past the subscriber check stops at NOT_FOUND, before any process.
    const app = createAppService(deps({ installRoot: async () => null }));
    const input = { service: 'radarr', tail: 1 };
    expect(await app.handle('stack.logs.follow', input)).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'subscriber' },
    });
    expect(await app.handle('stack.logs.follow', input, { subscriber: 'window-1' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await app.call('stack.logs.follow', input)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await app.releaseSubscriber('window-1'); // nothing bound: settles at once
  });
});

describe('assembleHandlers', () => {
  const noop = async () => ({}) as never;
  it('refuses a channel claimed by two areas, naming both', () => {
    expect(() => assembleHandlers({ one: { 'app.info': noop }, two: { 'app.info': noop } }, ['app.info'])).toThrow(
      /app\.info is handled twice \(by one and by two\)/,
    );
  });
  it('refuses a channel nobody handles', () => {
    expect(() => assembleHandlers({ one: { 'app.info': noop } }, ['app.info', 'env.check'])).toThrow(
      /No handler for env\.check/,
    );
  });
  it('the production areas cover every channel exactly once, as use-case-areas.ts says', async () => {
    const d = deps();
    const ctx = {
      deps: d,
      publish: () => undefined,
      mirror: createMirrorHub(d.endpoint.docker, d.project, () => undefined),
      onSubscriberGone: () => undefined,
    };
    const handlers = await loadAllAreas(ctx);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(calls).sort());
  });
});

describe('lazy use-case areas', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a call loads only the area of its channel', async () => {
    const spies = Object.fromEntries(
      (Object.keys(areaLoaders) as AreaName[]).map((area) => [area, vi.spyOn(areaLoaders, area)]),
    );
    const app = createAppService(deps());
    expect(await app.call('app.info')).toMatchObject({ ok: true });
    expect(await app.call('stack.status')).toMatchObject({ ok: true });
    expect(await app.call('app.info')).toMatchObject({ ok: true });
    const loadedAreas = Object.entries(spies)
      .filter(([, spy]) => spy.mock.calls.length > 0)
      .map(([area]) => area);
    expect(loadedAreas.sort()).toEqual(['basics', 'status']);
    expect(spies.basics!.mock.calls).toHaveLength(1); // loaded once, kept
  });

  it('the first listener loads the areas with background work (the VPN watch) without a call', async () => {
    const engine = vi.spyOn(areaLoaders, 'engine');
    const app = createAppService(deps({ engine: { vpnWatchIntervalMs: 0 } }));
    expect(engine).not.toHaveBeenCalled();
    const stop = app.subscribe(() => undefined);
    expect(engine).toHaveBeenCalledTimes(1);
    stop();
  });

  it('an area that claims a channel the table gives another area is refused with both named', async () => {
    vi.spyOn(areaLoaders, 'status').mockResolvedValue(() => ({
      'stack.status': async () => ({}) as never,
      'app.info': async () => ({}) as never,
    }));
    const app = createAppService(deps());
    const res = await app.call('stack.status');
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!res.ok && res.error.message).toMatch(
      /Area status handles \[app\.info, stack\.status\] but use-case-areas\.ts gives it \[stack\.status\]/,
    );
  });

  it('every channel of the table names an area that exists', () => {
    for (const area of Object.values(channelArea)) expect(Object.keys(areaLoaders)).toContain(area);
    for (const area of backgroundAreas) expect(Object.keys(areaLoaders)).toContain(area);
  });
});
