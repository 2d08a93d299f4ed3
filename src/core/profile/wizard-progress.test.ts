// Wizard progress on disk: round trip, missing file, damaged file, and refusal of anything that is not the schema.
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { testAppDeps } from '../../../tests/helpers/test-app';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UpsFailure, type WizardProgress } from '../contract';
import { createAppService } from '../app/app-service';
import { loadWizardProgress, saveWizardProgress, wizardFile } from './wizard-progress';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ups-wizard-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const progress: WizardProgress = {
  version: 1,
  step: 'vpn',
  completed: ['welcome', 'checks', 'location', 'services'],
  draft: {
    installRoot: 'D:\\UPS',
    dataRoot: 'D:\\Media',
    timeZone: 'Europe/Berlin',
    services: { qbittorrent: true, nzbget: false, tdarr: false, proxy: { enabled: false } },
  },
  checks: { overall: 'warn', checkedAt: '2026-01-01T00:00:00.000Z' },
};

describe('wizard progress file', () => {
  it('is absent before the first save', async () => {
    expect(await loadWizardProgress(dir)).toBeNull();
  });

  it('round-trips, stamps savedAt, is private to the user and leaves no temp file', async () => {
    const { savedAt } = await saveWizardProgress(dir, progress, new Date('2026-02-03T04:05:06.000Z'));
    expect(savedAt).toBe('2026-02-03T04:05:06.000Z');
    expect(await loadWizardProgress(dir)).toEqual({ ...progress, savedAt });
    expect((await stat(wizardFile(dir))).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['wizard.json']);
  });

  it('refuses an extra key (such as a password) and writes nothing', async () => {
    const sneaky = { ...progress, draft: { ...progress.draft, vpnPassword: 'hunter22' } } as unknown as WizardProgress;
    const err = await saveWizardProgress(dir, sneaky).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error.field).toBe('wizard.draft');
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a damaged file with its path and the fix', async () => {
    await writeFile(wizardFile(dir), '{"version":1,"step":"nowhere"');
    const notJson = await loadWizardProgress(dir).catch((e: unknown) => e);
    expect((notJson as UpsFailure).error.message).toContain(wizardFile(dir));
    expect((notJson as UpsFailure).error.fix).toMatch(/^Start setup again/);
    await writeFile(wizardFile(dir), JSON.stringify({ ...progress, step: 'nowhere' }));
    const badStep = await loadWizardProgress(dir).catch((e: unknown) => e);
    expect((badStep as UpsFailure).error.message).toContain('at "step"');
  });

  it('is reachable through the App service as wizard.save / wizard.load envelopes', async () => {
    const app = createAppService(
      testAppDeps({
        version: 't',
        platform: 'linux',
        arch: 'x64',
        door: 'cli',
        project: 'ups-t-wizard-unit',
        installRoot: async () => null,
        endpoint: { label: 'none' } as never,
        detectCompose: async () => ({ available: false }),
        vault: {} as never,
        configDir: dir,
      }),
    );
    expect(await app.handle('wizard.load', {})).toEqual({ ok: true, value: null });
    const saved = await app.handle('wizard.save', progress);
    expect(saved.ok).toBe(true);
    const bad = await app.handle('wizard.save', { ...progress, step: 'nowhere' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'input.step' } });
    const loaded = await app.handle('wizard.load', {});
    expect(loaded).toMatchObject({ ok: true, value: { step: 'vpn', draft: { timeZone: 'Europe/Berlin' } } });
    expect(JSON.parse(await readFile(wizardFile(dir), 'utf8')).step).toBe('vpn');
  });
});
