// The hardlink explanation from container output. Mount lines follow the /proc/self/mountinfo format of proc(5);
// the real container output on the CI engine is exercised by tests/integration/stack-bringup.test.ts.
import { describe, expect, it } from 'vitest';
import { interpretHardlinkOutput, parseMountInfo } from './hardlink-result';

const dataExt4 = 'UPS_MOUNT 612 590 8:1 /tmp/ups/data /data rw,relatime - ext4 /dev/sda1 rw';

describe('interpretHardlinkOutput', () => {
  it('passes when both names share an inode with two links', () => {
    const r = interpretHardlinkOutput(`UPS_RESULT linked 1234 2 1234 2\n${dataExt4}\n`);
    expect(r.ok).toBe(true);
    expect(r.detail).toContain('ext4');
  });
  it('explains separate mounts', () => {
    const out = [
      'UPS_RESULT link-failed ln: /data/media/.x: Invalid cross-device link',
      'UPS_MOUNT 612 590 8:1 /tmp/a /data/torrents rw - ext4 /dev/sda1 rw',
      'UPS_MOUNT 613 590 8:1 /tmp/b /data/media rw - ext4 /dev/sda1 rw',
    ].join('\n');
    const r = interpretHardlinkOutput(out);
    expect(r.ok).toBe(false);
    expect(r.explanation).toMatch(/different mounts/);
    expect(r.fix).toMatch(/ONE folder on ONE drive/);
  });
  it('explains exFAT and network shares', () => {
    expect(
      interpretHardlinkOutput(
        'UPS_RESULT link-failed Operation not permitted\nUPS_MOUNT 1 2 0:50 / /data rw - exfat /dev/sdb1 rw',
      ).explanation,
    ).toMatch(/exFAT/);
    expect(
      interpretHardlinkOutput(
        'UPS_RESULT link-failed Operation not supported\nUPS_MOUNT 1 2 0:50 / /data rw - cifs //nas/media rw',
      ).explanation,
    ).toMatch(/network share/);
  });
  it('catches a copy posing as a link', () => {
    expect(interpretHardlinkOutput(`UPS_RESULT linked 1 1 2 1\n${dataExt4}`).ok).toBe(false);
  });
  it('reports a write failure', () => {
    expect(interpretHardlinkOutput("UPS_RESULT write-failed sh: can't create: Read-only file system").fix).toMatch(
      /write/,
    );
  });
  it('parses mountinfo with escaped spaces', () => {
    expect(parseMountInfo('36 35 98:0 /src /data/my\\040media rw - ext4 /dev/root rw')).toEqual({
      mountPoint: '/data/my media',
      fsType: 'ext4',
    });
  });
});
