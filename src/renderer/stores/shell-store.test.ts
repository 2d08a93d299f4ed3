// App shell: the wizard until a stack is installed, then the dashboard; navigation only once the app has started.
import { describe, expect, it } from 'vitest';
import { shellTransitions } from './shell-store';

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
