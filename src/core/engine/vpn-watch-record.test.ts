// The VPN watch record: last check and last alert kept in the install root; a missing root is never created.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VpnCheck } from '../contract';
import { readVpnWatchRecord, recordVpnCheck } from './vpn-watch-record';

const check = (verdict: VpnCheck['verdict']): VpnCheck => ({
  verdict,
  reason: verdict,
  stopped: [],
  checkedAt: '2026-01-01T00:00:00.000Z',
});
let dir = '';
afterEach(async () => dir && rm(dir, { recursive: true, force: true }));

describe('recordVpnCheck', () => {
  it('keeps the last alert while later checks pass', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ups-vpnrec-'));
    await recordVpnCheck(dir, check('leak'));
    await recordVpnCheck(dir, check('safe'));
    const r = await readVpnWatchRecord(dir);
    expect(r.last?.verdict).toBe('safe');
    expect(r.lastAlert?.verdict).toBe('leak');
  });
  it('writes nothing when the install root does not exist', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ups-vpnrec-'));
    const gone = join(dir, 'not-here');
    await recordVpnCheck(gone, check('leak'));
    await expect(stat(gone)).rejects.toThrow();
  });
});
