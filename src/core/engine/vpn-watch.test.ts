// The VPN watch acts on its verdict even when its record cannot be saved, and says so: a damaged record (never
// overwritten, it may hold the last alert) travels with the verdict and its fix instead of being a silent loss.
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { UpsFailure, type VpnAlert } from '../contract';
import { checkVpn, type VpnWatchDeps } from './vpn-watch';

const deps = (record: VpnWatchDeps['record'], alerts: VpnAlert[]): VpnWatchDeps => ({
  // The engine does not answer: the verdict is "unknown", which is enough to exercise the record path.
  docker: { listContainers: async () => Promise.reject(new Error('connect ENOENT')) } as unknown as Docker,
  project: 'ups',
  controlKey: async () => null,
  egressUrl: 'http://127.0.0.1:9/ip',
  stopClients: async () => undefined,
  record,
  onVerdict: (a) => alerts.push(a),
  now: () => new Date('2026-01-01T00:00:00Z'),
});

describe('checkVpn and its record', () => {
  it('a record that is refused as damaged is reported with its fix action, in the check and in the alert', async () => {
    const alerts: VpnAlert[] = [];
    const damaged = new UpsFailure({
      code: 'BAD_INPUT',
      message: 'The record of the VPN watch (/x/state/vpn-watch.json) is damaged: it is empty.',
      field: '/x/state/vpn-watch.json',
      fix: 'Set the damaged record aside.',
      action: { action: 'file.setAside', input: { file: 'vpnWatch' }, label: 'Set the damaged record aside' },
    });
    const check = await checkVpn(deps(() => Promise.reject(damaged), alerts));
    expect(check.verdict).toBe('unknown');
    expect(check.recordError).toMatchObject({ code: 'BAD_INPUT', action: { action: 'file.setAside' } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.recordError?.message).toContain('vpn-watch.json');
  });

  it('any other failure to save is reported in plain words; a saved record adds nothing', async () => {
    const alerts: VpnAlert[] = [];
    const failed = await checkVpn(deps(() => Promise.reject(new Error('ENOSPC: no space left')), alerts));
    expect(failed.recordError).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('ENOSPC') });
    const saved = await checkVpn(deps(async () => undefined, alerts));
    expect(saved.recordError).toBeUndefined();
    expect(alerts[1]!.recordError).toBeUndefined();
  });
});
