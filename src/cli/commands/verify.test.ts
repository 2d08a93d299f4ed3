// `ups verify` output: one line per walked hop, the fix and the exact command under the broken one, the rest listed
// as not checked.
import { describe, expect, it } from 'vitest';
import { fixAction } from '../../core/contract';
import { renderChain } from './verify';

describe('renderChain', () => {
  it('prints the broken hop with its fix and command, then the hops not checked', () => {
    const text = renderChain({
      ok: false,
      hops: [
        { hop: 'request', ok: true, detail: 'Seerr reaches Radarr and Sonarr.', durationMs: 3 },
        {
          hop: 'indexer',
          ok: false,
          detail: 'Prowlarr has no indexer.',
          hint: 'Add at least one indexer in Prowlarr.',
          fix: fixAction('wiring.apply'),
          durationMs: 4,
        },
      ],
      notRun: ['download', 'filesystem', 'import', 'library', 'stream'],
      cleanedUp: true,
    });
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^ok\s+request\s+Seerr reaches/);
    expect(lines[1]).toMatch(/^FAIL\s+indexer\s+Prowlarr has no indexer\./);
    expect(lines[2]).toMatch(/fix: Add at least one indexer in Prowlarr\./);
    expect(lines[3]).toMatch(/run: ups apply/);
    expect(text).toMatch(/-\s+download\s+not checked: The download clients pass their tests/);
    expect(lines.at(-1)).toBe('The chain is broken at the hop marked FAIL.');
  });
});
