// Tdarr's internal node as a stack setting: shown by stack.settings.get, changed by stack.settings.update (null returns
// to the defaults, absent keeps it), and the merged config still validates through StackConfig's rules.
import { describe, expect, it } from 'vitest';
import { StackConfigSchema } from '../contract';
import { sampleConfigInput } from './sample-config';
import { settingsOf, withSettings } from './stack-settings';

const withTdarr = StackConfigSchema.parse(
  sampleConfigInput({
    services: { qbittorrent: true, nzbget: false, tdarr: true },
    tdarr: { internalNode: false },
  }),
);

describe('Tdarr in the stack settings', () => {
  it('shows whether Tdarr runs, its internal node and its node port', () => {
    const s = settingsOf(withTdarr);
    expect(s).toMatchObject({ tdarrEnabled: true, tdarr: { internalNode: false } });
    expect(s.enabledPorts).toContain('tdarrServer');
    expect(s.ports.tdarrServer).toBe(8266);
  });

  it('merges worker counts, keeps the block when absent and drops it on null', () => {
    const workers = { transcodeCpu: 2, transcodeGpu: 1, healthcheckCpu: 1, healthcheckGpu: 0 };
    const changed = StackConfigSchema.parse(withSettings(withTdarr, { tdarr: { internalNode: true, workers } }));
    expect(changed.tdarr).toEqual({ internalNode: true, workers });
    expect(StackConfigSchema.parse(withSettings(changed, { timeZone: 'UTC' })).tdarr).toEqual(changed.tdarr);
    expect(StackConfigSchema.parse(withSettings(changed, { tdarr: null })).tdarr).toBeUndefined();
  });

  it('refuses a bad worker count through the config rules, naming the field', () => {
    const r = StackConfigSchema.safeParse(
      withSettings(withTdarr, { tdarr: { internalNode: true, workers: { transcodeGpu: 99 } } }),
    );
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['tdarr', 'workers', 'transcodeGpu']);
  });
});
