// stack.location.check through the real App service on real folders: an ext4/overlay temp folder and a tmpfs under
// /dev/shm give two different filesystem names, the hardlink test runs in the folder (or its nearest existing
// parent) and leaves nothing behind, and bad paths come back as BAD_INPUT naming the field.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { defaultAppDeps } from '../../src/core/app/default-deps';

const TMPFS_MAGIC = 0x01021994;
const shmRoot = path.join('/dev/shm', `ups-t-location-${process.pid}`);
let diskRoot: string;
let app: AppService;

beforeAll(() => {
  let type = 0;
  try {
    type = statfsSync('/dev/shm').type;
  } catch {
    /* reported below */
  }
  if (type !== TMPFS_MAGIC)
    throw new Error('/dev/shm is not a tmpfs here: this test needs it as a second, recognisable filesystem.');
  mkdirSync(shmRoot, { recursive: true });
  diskRoot = mkdtempSync(path.join(process.env.UPS_CI_TMP ?? os.tmpdir(), 'ups-t-location-'));
  if (statfsSync(diskRoot).type === TMPFS_MAGIC)
    throw new Error(`${diskRoot} is a tmpfs too: point UPS_CI_TMP at a disk-backed folder.`);
  app = createAppService(
    defaultAppDeps({ version: 'test', door: 'cli', env: { ...process.env, UPS_CONFIG_DIR: diskRoot } }),
  );
});
afterAll(() => {
  rmSync(shmRoot, { recursive: true, force: true });
  rmSync(diskRoot, { recursive: true, force: true });
});

async function check(input: Record<string, unknown>) {
  const r = await app.call('stack.location.check', input as never);
  if (!r.ok) throw new Error(`stack.location.check failed: ${r.error.message}`);
  return r.value;
}

describe('stack.location.check on real folders', () => {
  it('names tmpfs for a /dev/shm folder, warns about it, and hardlinks work there', async () => {
    const media = path.join(shmRoot, 'media');
    mkdirSync(media);
    const r = await check({ dataRoot: media });
    expect(r).toMatchObject({ path: media, exists: true, checkedFolder: media, filesystem: 'tmpfs' });
    expect(r.fits).toBe(r.freeBytes >= r.neededBytes);
    // Other processes share /dev/shm: the figure is the same statfs reading give or take their writes.
    expect(Math.abs(r.freeBytes - statfsSync(media).bavail * statfsSync(media).bsize)).toBeLessThan(256 * 1024 ** 2);
    expect(r.warnings.join('\n')).toMatch(/tmpfs lives in memory/);
    expect(r.hardlinks).toMatchObject({ ok: true });
    expect(readdirSync(media)).toEqual([]);
  });

  it('names a different filesystem for a disk folder and measures the parent of a missing one without creating it', async () => {
    const missing = path.join(diskRoot, 'Media', 'Library');
    const r = await check({
      dataRoot: missing,
      installRoot: path.join(diskRoot, 'Stack'),
      services: ['vpn', 'plex', 'nzbget'],
    });
    expect(r).toMatchObject({ path: missing, exists: false, checkedFolder: diskRoot });
    expect(r.filesystem).not.toBe('tmpfs');
    expect(r.filesystem).not.toBe('unknown');
    expect(r.hardlinks.ok).toBe(true);
    expect(r.hardlinks.detail).toContain(diskRoot);
    expect(readdirSync(diskRoot)).toEqual([]);
  });

  it('answers BAD_INPUT naming the field for a relative path and for a Windows path on Linux', async () => {
    const rel = await app.call('stack.location.check', { dataRoot: 'media' });
    expect(rel).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'input.dataRoot' } });
    const win = await app.call('stack.location.check', { dataRoot: 'E:\\Media' });
    expect(win).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'input.dataRoot' } });
    if (!win.ok) expect(win.error.fix).toMatch(/Linux folder/);
  });
});
