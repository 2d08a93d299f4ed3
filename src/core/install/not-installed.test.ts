// The not-installed failure has one wording and one fix wherever a use case meets a missing install.
import { describe, expect, it } from 'vitest';
import { UpsFailure } from '../contract';
import { createAppService } from '../app/app-service';
import { testAppDeps } from '../../../tests/helpers/test-app';
import { notInstalled, requireInstallRoot } from './not-installed';

describe('not installed', () => {
  it('gives the recorded root, or NOT_FOUND with the setup as the action', async () => {
    expect(await requireInstallRoot(async () => '/stack')).toBe('/stack');
    const err = await requireInstallRoot(async () => null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error).toEqual({
      code: 'NOT_FOUND',
      message: 'No stack is installed yet (no install root is recorded).',
      fix: 'Run the setup first.',
      action: { action: 'setup.start', input: {}, label: 'Start setup again' },
    });
    expect(notInstalled('so no image can be changed').error.message).toBe(
      'No stack is installed yet, so no image can be changed.',
    );
  });

  it('is what update.history, stack.config.show and stack.settings.get answer before the first install', async () => {
    const app = createAppService(testAppDeps({ installRoot: async () => null }));
    for (const channel of ['update.history', 'stack.config.show', 'stack.settings.get'] as const) {
      const r = await app.call(channel);
      expect(r.ok ? 'ok' : [r.error.code, r.error.action?.action], channel).toEqual(['NOT_FOUND', 'setup.start']);
      expect(r.ok ? '' : r.error.message, channel).toMatch(/^No stack is installed yet/);
    }
  });
});
