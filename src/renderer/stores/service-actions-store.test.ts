// Per-service restart on the dashboard: busy while it runs, its failure kept with the fix, idle again on success.
import { describe, expect, it } from 'vitest';
import { serviceActionTransitions as sa } from './service-actions-store';

describe('service action transitions', () => {
  it('tracks a restart per service and keeps its failure with the fix', () => {
    const busy = sa.start({}, 'radarr');
    expect(busy.radarr).toEqual({ phase: 'busy', action: 'restart' });
    const err = { code: 'ENGINE_UNREACHABLE' as const, message: 'down', fix: 'start it' };
    expect(sa.failed(busy, 'radarr', err).radarr).toEqual({ phase: 'failed', action: 'restart', error: err });
    expect(sa.done(busy, 'radarr').radarr).toEqual({ phase: 'idle' });
  });

  it('leaves the other services alone', () => {
    const s = sa.start(sa.start({}, 'radarr'), 'sonarr');
    expect(sa.done(s, 'radarr')).toEqual({ radarr: { phase: 'idle' }, sonarr: { phase: 'busy', action: 'restart' } });
  });
});
