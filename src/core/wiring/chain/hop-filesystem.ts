// Hop "filesystem": a file made under /data/torrents is hard-linked into /data/media inside a container with the stack's
// own /data mount (stack/hardlink-test.ts), so imports cost no space and no copy time (docs/decisions.md D7).
import { fixAction } from '../../contract/fix-action';
import type { HardlinkResult } from '../../probes/hardlink-result';
import { broken, passed, type ChainStep } from './chain-run';

export function filesystemHop(prove: () => Promise<HardlinkResult>): ChainStep {
  return {
    hop: 'filesystem',
    async run() {
      const r = await prove();
      if (r.ok) return passed(r.detail);
      return broken(
        [r.detail, r.explanation].filter(Boolean).join(' '),
        r.fix ??
          'Keep downloads and media under one data folder on one drive (the stack mounts it once as /data), then check again.',
        fixAction('checks.run'),
      );
    },
  };
}
