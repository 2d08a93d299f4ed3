// The tray's stack update against a fake core answering the engine's update.check / update.apply shapes.
import { describe, expect, it, vi } from 'vitest';
import type { UpdateCheck, UpdateRecord } from '../core/contract';
import type { StackUpdateState } from '../core/tray/tray-state';
import { createStackUpdater, type StackUpdateCore } from './stack-updater';

vi.mock('electron', () => ({}));

const check = (services: [string, boolean][]): UpdateCheck => ({
  checkedAt: '2026-01-01T00:00:00Z',
  services: services.map(([service, updateAvailable]) => ({
    service,
    image: `img/${service}:1`,
    currentImageId: 'sha256:a',
    updateAvailable,
  })),
});
const record = (outcome: UpdateRecord['outcome'], message: string): UpdateRecord => ({
  id: 'upd-1',
  kind: 'apply',
  startedAt: 'a',
  finishedAt: 'b',
  outcome,
  before: {},
  after: {},
  failed: [],
  message,
});

function setup(answers: { check?: unknown; apply?: unknown }) {
  const states: StackUpdateState[] = [];
  const calls: { channel: string; input: unknown }[] = [];
  const core = {
    call: vi.fn(async (channel: string, input: unknown) => {
      calls.push({ channel, input });
      return channel === 'update.check' ? answers.check : answers.apply;
    }),
  } as unknown as StackUpdateCore;
  const updater = createStackUpdater(
    core,
    (s) => states.push(s),
    () => 1_000_000,
  );
  return { states, calls, updater };
}

describe('createStackUpdater', () => {
  it('check: checking → the services with a newer image', async () => {
    const t = setup({
      check: {
        ok: true,
        value: check([
          ['plex', true],
          ['radarr', false],
          ['sonarr', true],
        ]),
      },
    });
    await t.updater.check();
    expect(t.states).toEqual([{ kind: 'checking' }, { kind: 'available', services: ['plex', 'sonarr'] }]);
  });

  it('check: nothing newer → none; a failure → its message', async () => {
    const none = setup({ check: { ok: true, value: check([['plex', false]]) } });
    await none.updater.check();
    expect(none.states.at(-1)).toEqual({ kind: 'none' });
    const down = setup({ check: { ok: false, error: { code: 'ENGINE_UNREACHABLE', message: 'engine down' } } });
    await down.updater.check();
    expect(down.states.at(-1)).toEqual({ kind: 'error', message: 'engine down' });
  });

  it('apply: passes its own operation id, so the progress pushes can be told apart, and reports the outcome', async () => {
    const t = setup({ apply: { ok: true, value: record('rolled-back', 'radarr was unhealthy: rolled back') } });
    await t.updater.apply();
    const operationId = `stack-update-${(1_000_000).toString(36)}`;
    expect(t.calls).toEqual([{ channel: 'update.apply', input: { operationId } }]);
    expect(t.states).toEqual([
      { kind: 'applying', operationId },
      { kind: 'done', outcome: 'rolled-back', message: 'radarr was unhealthy: rolled back' },
    ]);
  });

  it('a second click while one runs does nothing', async () => {
    let release: (v: unknown) => void = () => undefined;
    const pending = new Promise((r) => (release = r));
    const t = setup({ apply: pending });
    const first = t.updater.apply();
    await t.updater.apply();
    await t.updater.check();
    release({ ok: true, value: record('applied', 'ok') });
    await first;
    expect(t.calls.map((c) => c.channel)).toEqual(['update.apply']);
  });
});
