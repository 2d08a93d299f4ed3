// The next-steps checklist on disk: nothing ticked when missing, round trip through the App service, damage reported.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testAppDeps } from '../../../tests/helpers/test-app';
import { createAppService } from '../app/app-service';
import { UpsFailure } from '../contract';
import { NEXT_STEPS_FILE, loadNextSteps } from './next-steps-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ups-next-steps-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const app = () =>
  createAppService(
    testAppDeps({
      version: 't',
      platform: 'linux',
      arch: 'x64',
      door: 'browser',
      project: 'ups-t-next-steps',
      installRoot: async () => null,
      endpoint: { label: 'none' } as never,
      detectCompose: async () => ({ available: false }),
      vault: {} as never,
      configDir: dir,
    }),
  );

describe('next steps file', () => {
  it('starts with nothing ticked, keeps what is ticked (once each, in order) and refuses unknown steps', async () => {
    const a = app();
    expect(await a.handle('ui.nextSteps.get', {})).toEqual({ ok: true, value: { done: [] } });
    expect(await a.handle('ui.nextSteps.set', { done: ['plex', 'indexer', 'plex'] })).toEqual({
      ok: true,
      value: { done: ['indexer', 'plex'] },
    });
    expect(await a.handle('ui.nextSteps.get', {})).toEqual({ ok: true, value: { done: ['indexer', 'plex'] } });
    expect(JSON.parse(await readFile(join(dir, NEXT_STEPS_FILE), 'utf8'))).toEqual({ done: ['indexer', 'plex'] });
    expect(await a.handle('ui.nextSteps.set', { done: ['download'] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  });

  it('reports a damaged file instead of forgetting it', async () => {
    await writeFile(join(dir, NEXT_STEPS_FILE), '{ not json');
    const err = await loadNextSteps(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error.message).toContain(NEXT_STEPS_FILE);
  });
});
