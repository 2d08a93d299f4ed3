// checkLocation on real temp folders: nearest existing parent measured (nothing created), estimate per service,
// space verdicts, platform/path mismatches named by field. The host's statfs/readText are stubbed only for the
// space and filesystem figures a test must control; the hardlink test always runs on the real folder.
import { testTempRoot } from '../../../tests/helpers/temp-root';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocationCheckInputSchema, UpsFailure } from '../contract';
import { createHostContext } from './host-context';
import { estimateNeeds } from './stack-needs';
import { checkLocation, type LocationHost } from './location-check';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(testTempRoot(), 'ups-t-location-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const input = (raw: Record<string, unknown>) => LocationCheckInputSchema.parse(raw);
const GiB = 1024 ** 3;
const host = (freeBytes: number, fsType = 'ext4'): LocationHost => ({
  statfs: async () => ({ freeBytes, type: 0 }),
  readText: async () => `24 1 254:0 / / rw - ${fsType} /dev/x rw`,
  run: async () => ({ exitCode: 1, stdout: new Uint8Array(), stderr: new Uint8Array() }),
});

describe('checkLocation', () => {
  it('measures an existing folder and proves hardlinks there, leaving nothing behind', async () => {
    const r = await checkLocation(
      input({ dataRoot: dir }),
      'linux',
      createHostContext({}, { installRoot: async () => null }),
    );
    expect(r).toMatchObject({ path: dir, exists: true, checkedFolder: dir, neededBytes: estimateNeeds().diskBytes });
    expect(r.freeBytes).toBeGreaterThan(0);
    expect(r.filesystem).not.toBe('unknown');
    expect(r.hardlinks.ok).toBe(true);
    expect(r.hardlinks.detail).toContain(dir);
    expect(await readdir(dir)).toEqual([]);
  });

  it('tests the nearest existing parent of a missing folder and does not create it', async () => {
    const missing = path.join(dir, 'not', 'yet');
    const r = await checkLocation(input({ dataRoot: `${missing}/` }), 'linux', host(500 * GiB));
    expect(r).toMatchObject({ path: missing, exists: false, checkedFolder: dir, fits: true });
    expect(r.warnings.join('\n')).toContain(`Measured and tested its nearest existing folder, ${dir}`);
    expect(await readdir(dir)).toEqual([]);
  });

  it('counts only the selected services in the estimate and says when they do not fit', async () => {
    const small = input({ dataRoot: dir, services: ['vpn', 'plex', 'qbittorrent'] });
    const big = input({ dataRoot: dir, services: ['vpn', 'plex', 'qbittorrent', 'tdarr', 'radarr', 'sonarr'] });
    const free = estimateNeeds(['vpn', 'plex', 'qbittorrent']).diskBytes + 1;
    const a = await checkLocation(small, 'linux', host(free));
    const b = await checkLocation(big, 'linux', host(free));
    expect(a.fits).toBe(true);
    expect(a.warnings.join('\n')).toMatch(/Little room is left for media/);
    expect(b.neededBytes).toBeGreaterThan(a.neededBytes);
    expect(b.fits).toBe(false);
    expect(b.warnings.join('\n')).toMatch(/^Only .* free, but images and app data need about/m);
  });

  it('names an exFAT filesystem and warns about hardlinks', async () => {
    const r = await checkLocation(input({ dataRoot: dir }), 'linux', host(500 * GiB, 'exfat'));
    expect(r.filesystem).toBe('exfat');
    expect(r.warnings.join('\n')).toMatch(/exfat cannot hold hardlinks/);
  });

  it('warns when the stack folder sits on a filesystem that loses app data, naming that folder', async () => {
    const stack = path.join(dir, 'stack');
    const r = await checkLocation(input({ dataRoot: dir, installRoot: stack }), 'linux', host(500 * GiB, 'tmpfs'));
    expect(r.warnings).toContain(
      `Stack folder ${stack}: tmpfs lives in memory: everything in it is lost at the next restart; choose a folder on a disk.`,
    );
    const ok = await checkLocation(input({ dataRoot: dir, installRoot: stack }), 'linux', host(500 * GiB, 'ext4'));
    expect(ok.warnings.filter((w) => w.startsWith('Stack folder'))).toEqual([]);
  });

  it('names installRoot when a file stands where the stack folder should be', async () => {
    await writeFile(path.join(dir, 'file'), 'x');
    const err = await checkLocation(
      input({ dataRoot: dir, installRoot: path.join(dir, 'file', 'stack') }),
      'linux',
      host(500 * GiB),
    ).catch((e: unknown) => e);
    expect((err as UpsFailure).error).toMatchObject({ code: 'BAD_INPUT', field: 'input.installRoot' });
  });

  it('refuses a Windows drive path on Linux, naming the field', async () => {
    const err = await checkLocation(input({ dataRoot: 'd:\\Media' }), 'linux', host(GiB)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error).toMatchObject({ code: 'BAD_INPUT', field: 'input.dataRoot' });
    expect((err as UpsFailure).error.message).toContain('D:/Media is a Windows drive path');
  });

  it('refuses a file where the folder should be', async () => {
    await writeFile(path.join(dir, 'file'), 'x');
    const err = await checkLocation(input({ dataRoot: path.join(dir, 'file', 'media') }), 'linux', host(GiB)).catch(
      (e: unknown) => e,
    );
    expect((err as UpsFailure).error).toMatchObject({ code: 'BAD_INPUT', field: 'input.dataRoot' });
    expect((err as UpsFailure).error.message).toContain('is a file');
  });
});

describe('LocationCheckInputSchema', () => {
  it('normalises Windows and Linux paths like StackConfig', () => {
    expect(input({ dataRoot: 'd:\\Media\\', installRoot: 'D:\\UPS' })).toMatchObject({
      dataRoot: 'D:/Media',
      installRoot: 'D:/UPS',
    });
    expect(input({ dataRoot: '/srv//media/' }).dataRoot).toBe('/srv/media');
  });
  it('names the field in errors', () => {
    const r = LocationCheckInputSchema.safeParse({ dataRoot: 'relative/media', installRoot: '\\\\nas\\share' });
    expect(r.success).toBe(false);
    const issues = r.error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toContainEqual(['dataRoot', expect.stringMatching(/^data root is not absolute/)]);
    expect(issues).toContainEqual(['installRoot', expect.stringMatching(/^install root is a network \(UNC\) path/)]);
    expect(LocationCheckInputSchema.safeParse({ dataRoot: '/srv', services: ['plex', 'jellyfin'] }).success).toBe(
      false,
    );
  });
});
