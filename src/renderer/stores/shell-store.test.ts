// App shell: the wizard until a stack is installed, then the dashboard; navigation only once the app has started.
import { describe, expect, it } from 'vitest';
import type { WizardProgress, WizardStep } from '../../core/contract';
import { installSucceeded, shellTransitions } from './shell-store';

describe('shell transitions', () => {
  const info = { version: '1', platform: 'linux' as const, arch: 'x64', door: 'browser' as const };
  it('opens the wizard when nothing is installed, the dashboard otherwise', () => {
    expect(shellTransitions.loaded({ phase: 'loading' }, { ...info, installRoot: null })).toMatchObject({
      view: 'wizard',
    });
    expect(shellTransitions.loaded({ phase: 'loading' }, { ...info, installRoot: '/srv/ups' })).toMatchObject({
      view: 'dashboard',
    });
  });
  it('opens the wizard after an install that failed, the dashboard once one succeeded', () => {
    const root = { ...info, installRoot: '/srv/ups' };
    const progress = (step: WizardStep, completed: WizardStep[]): WizardProgress => ({
      version: 1,
      step,
      completed,
      draft: {},
    });
    // The pointer is written before the stack starts: a failed install leaves it, with the wizard on install/review.
    const failed = progress('install', ['welcome', 'checks', 'location', 'services', 'vpn', 'plex', 'review']);
    expect(shellTransitions.loaded({ phase: 'loading' }, root, failed)).toMatchObject({ view: 'wizard' });
    expect(shellTransitions.loaded({ phase: 'loading' }, root, progress('review', ['welcome']))).toMatchObject({
      view: 'wizard',
    });
    const done = progress('done', [...failed.completed, 'install']);
    expect(shellTransitions.loaded({ phase: 'loading' }, root, done)).toMatchObject({ view: 'dashboard' });
    expect(installSucceeded(root, null)).toBe(true);
    expect(installSucceeded({ ...info, installRoot: null }, done)).toBe(false);
  });
  it('navigates only once ready', () => {
    const ready = shellTransitions.loaded({ phase: 'loading' }, { ...info, installRoot: null });
    expect(shellTransitions.navigate(ready, 'dashboard')).toMatchObject({ view: 'dashboard' });
    expect(shellTransitions.navigate({ phase: 'loading' }, 'dashboard')).toEqual({ phase: 'loading' });
  });
  it('keeps the start-up error as-is', () => {
    const error = { code: 'INTERNAL' as const, message: 'm', fix: 'f' };
    expect(shellTransitions.failed({ phase: 'loading' }, error)).toEqual({ phase: 'error', error });
  });
});
