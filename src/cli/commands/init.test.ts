// `ups init --up` text for the connect run: a count line, one line per link (a fix under each failed one), then the
// wiring steps that did not apply.
import { describe, expect, it } from 'vitest';
import { renderWiring } from './init';

describe('renderWiring', () => {
  it('lists each link with its state, the fix under a failed one, and the steps that did not apply', () => {
    const text = renderWiring({
      operationId: 'install-1',
      ok: false,
      planned: 3,
      applied: 2,
      problems: [{ step: 'radarr.root-folders', service: 'radarr', why: 'HTTP 500', fix: 'Check Radarr.' }],
      links: [
        { id: 'a', name: 'Radarr → qBittorrent', state: 'ok', why: 'test passed' },
        { id: 'b', name: 'Sonarr → NZBGet', state: 'failed', why: 'HTTP 401', fix: 'Re-enter the password.' },
      ],
    });
    expect(text.split('\n')).toEqual([
      'Connected the apps: 2 change(s) written, 1 of 2 links work.',
      '  ok      Radarr → qBittorrent',
      '  FAILED  Sonarr → NZBGet: HTTP 401',
      '          fix: Re-enter the password.',
      'radarr.root-folders: HTTP 500',
      '  fix: Check Radarr.',
    ]);
  });
});
