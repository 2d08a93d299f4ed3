// app.update.* through the App service's handlers: the injected updater is driven by explicit actions only.
import { describe, expect, it, vi } from 'vitest';
import { UpsFailure, type AppUpdateState } from '../../contract';
import { createAppUpdateHandlers, type AppUpdatesPort } from './app-update';

function port(initial: AppUpdateState): AppUpdatesPort & { current: AppUpdateState } {
  const p = {
    current: initial,
    state: () => p.current,
    check: vi.fn(async () => void (p.current = { kind: 'available', version: '2.0.0' })),
    download: vi.fn(async () => void (p.current = { kind: 'ready', version: '2.0.0' })),
    install: vi.fn(() => p.current.kind === 'ready'),
  };
  return p;
}

describe('createAppUpdateHandlers', () => {
  it('reports the state and runs each action on request only', async () => {
    const p = port({ kind: 'idle' });
    const h = createAppUpdateHandlers(p);
    expect(await h['app.update.status']()).toEqual({ kind: 'idle' });
    expect(p.check).not.toHaveBeenCalled();
    expect(await h['app.update.run']({ action: 'check' })).toEqual({ kind: 'available', version: '2.0.0' });
    expect(p.download).not.toHaveBeenCalled();
    expect(await h['app.update.run']({ action: 'download' })).toEqual({ kind: 'ready', version: '2.0.0' });
    expect(p.install).not.toHaveBeenCalled();
    await h['app.update.run']({ action: 'install' });
    expect(p.install).toHaveBeenCalledTimes(1);
  });

  it('refuses to install with nothing downloaded, naming the field', async () => {
    const h = createAppUpdateHandlers(port({ kind: 'available', version: '2.0.0' }));
    await expect(h['app.update.run']({ action: 'install' })).rejects.toMatchObject({
      error: { code: 'BAD_INPUT', field: 'input.action' },
    });
  });

  it('doors without an updater answer NOT_FOUND with a fix', async () => {
    const h = createAppUpdateHandlers(undefined);
    const err = await h['app.update.status']().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error).toMatchObject({ code: 'NOT_FOUND', fix: expect.stringContaining('tray') });
  });
});
