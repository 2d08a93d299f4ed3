import { describe, expect, it } from 'vitest';
import { testAppDeps, type TestAppOverrides } from '../../../tests/helpers/test-app';
import type { DockerEndpoint } from '../engine/docker-endpoint';
import { assembleHandlers } from './app-context';
import { createAppService, type AppDeps } from './app-service';

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
  it('the production areas cover every channel exactly once', () => {
    expect(() => createAppService(deps())).not.toThrow();
  });
});
