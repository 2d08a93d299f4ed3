// The install write set is checked before anything is written or the vault is touched (a drive-letter path on Linux,
// a folder under /proc, an install root under a file, a read-only place), and a write that fails after the checks
// leaves the old generation and no new vault entries behind (docs/decisions.md D30).
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpsFailure } from '../../src/core/contract';
import { BACKUPS_DIR, writeInstallFiles, WRITE_RECORD } from '../../src/core/fs/install-writer';
import { checkWriteTarget } from '../../src/core/fs/write-target';
import { loadCatalog, type Catalog } from '../../src/core/stack/catalog';
import { sampleConfigInput } from '../../src/core/stack/sample-config';
import { writeStack } from '../../src/core/stack/write-stack';
import { removeTempDirs, tempDir } from './stack-helpers';

let base: string;
let catalog: Catalog;
beforeAll(async () => {
  base = await tempDir('write-checks');
  catalog = await loadCatalog();
});
afterAll(removeTempDirs);

function vault() {
  const entries = new Map<string, string>([
    ['vpn.openvpn.user', 'u'],
    ['vpn.openvpn.password', 'p'],
  ]);
  return {
    entries,
    get: async (n: string) => entries.get(n) ?? null,
    set: async (n: string, v: string) => void entries.set(n, v),
    delete: async (n: string) => entries.delete(n),
  };
}

const cfg = (installRoot: string, dataRoot = join(base, 'media')) =>
  sampleConfigInput({ installRoot, dataRoot, services: { qbittorrent: true, nzbget: false } });

describe('checked before anything is written', () => {
  it.each([
    ['a Windows drive-letter path on Linux', 'C:/UPS', 'installRoot', /Windows path/],
    ['a Windows backslash path on Linux', 'D:\\UltimatePlexStack', 'installRoot', /Windows path/],
    ['a folder under /proc', '/proc/ups-install', 'installRoot', /system folder/],
    ['a folder under /sys', '/sys/kernel/ups', 'installRoot', /system folder/],
  ])('%s is refused naming the field, with nothing written and no vault entry', async (_what, root, field, msg) => {
    const v = vault();
    const before = await readdir(process.cwd());
    const w = await writeStack(cfg(root), { catalog, vault: v, configDir: join(base, 'profile-a') });
    expect(w.ok).toBe(false);
    if (w.ok) return;
    expect(w.errors[0]!.field).toBe(field);
    expect(w.errors[0]!.message).toMatch(msg);
    expect(w.errors[0]!.fix).toBeTruthy();
    expect([...v.entries.keys()].sort()).toEqual(['vpn.openvpn.password', 'vpn.openvpn.user']);
    // Not written relative to the current folder (./C:/UPS) either.
    expect(await readdir(process.cwd())).toEqual(before);
    await expect(stat(join(base, 'profile-a'))).rejects.toThrow();
  });

  it('an install root under a file is refused with the file named, before the vault is touched', async () => {
    const file = join(base, 'a-file');
    await writeFile(file, 'x');
    const v = vault();
    const w = await writeStack(cfg(join(file, 'ups')), { catalog, vault: v });
    expect(w.ok).toBe(false);
    if (w.ok) return;
    expect(w.errors[0]).toMatchObject({ field: 'installRoot' });
    expect(w.errors[0]!.message).toContain(`${file} is a file`);
    expect(v.entries.size).toBe(2);
  });

  it('a data root under /dev is refused too (it is made at start)', async () => {
    const w = await writeStack(cfg(join(base, 'ok-root'), '/dev/shm/ups-media'), { catalog, vault: vault() });
    expect(w.ok).toBe(false);
    if (!w.ok) expect(w.errors[0]).toMatchObject({ field: 'dataRoot' });
  });

  it('answers in bounded time for /proc (mkdir there used to loop forever)', async () => {
    const e = await checkWriteTarget({ path: '/proc/self/ups', field: 'installRoot', label: 'x' }, 'linux');
    expect(e?.message).toMatch(/system folder/);
  });

  it('a path that does not fit this platform, or is too long, is refused', async () => {
    expect(await checkWriteTarget({ path: '/srv/ups', field: 'installRoot', label: 'x' }, 'win32')).toMatchObject({
      message: expect.stringMatching(/not a full Windows path/) as unknown,
    });
    const long = join(base, 'x'.repeat(256));
    expect((await checkWriteTarget({ path: long, field: 'installRoot', label: 'x' }, 'linux'))?.message).toMatch(
      /longer than 255/,
    );
  });
});

describe('a write that fails after the checks', () => {
  it('rolls the set back, names the file, and removes the vault entries it made', async () => {
    const root = join(base, 'fails');
    const first = await writeStack(cfg(root), { catalog, vault: vault() });
    expect(first.ok).toBe(true);
    const before = await readFile(join(root, 'stack.yml'), 'utf8');
    // A folder where .env goes: staging works, the rename of .env fails after stack.yml would be renamed in.
    await writeFile(join(root, '.env'), '');
    const { rm } = await import('node:fs/promises');
    await rm(join(root, '.env'));
    await mkdir(join(root, '.env', 'blocker'), { recursive: true });
    const v = vault();
    const err = await writeStack(
      { ...cfg(root), timeZone: 'Asia/Tokyo' },
      { catalog, vault: v, configDir: join(base, 'profile-b') },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpsFailure);
    expect((err as UpsFailure).error.message).toContain(root);
    expect((err as UpsFailure).error.fix).toBeTruthy();
    // The old generation stands: stack.yml as before, no record, no pointer, and the new secrets are gone again.
    expect(await readFile(join(root, 'stack.yml'), 'utf8')).toBe(before);
    expect(await readdir(root)).not.toContain(WRITE_RECORD);
    await expect(stat(join(base, 'profile-b', 'install.json'))).rejects.toThrow();
    expect([...v.entries.keys()].sort()).toEqual(['vpn.openvpn.password', 'vpn.openvpn.user']);
  });
});

describe('the writer', () => {
  it('keeps the last N backups, and removes stale temps of the set', async () => {
    const root = join(base, 'prune');
    await mkdir(root, { recursive: true });
    await writeFile(join(root, '.compose.yaml.tmp-0123456789ab'), 'stale');
    await writeFile(join(root, '.other.tmp-0123456789ab'), 'not ours');
    for (let i = 0; i < 6; i++)
      await writeInstallFiles(
        root,
        [{ name: 'compose.yaml', content: `v${i}\n` }],
        new Date(Date.UTC(2026, 0, 1, 0, i)),
        {
          keepBackups: 3,
        },
      );
    const backups = await readdir(join(root, BACKUPS_DIR));
    expect(backups).toHaveLength(3);
    // The newest three previous versions: v2, v3, v4 (v5 is current).
    const kept = await Promise.all(
      backups.sort().map((b) => readFile(join(root, BACKUPS_DIR, b, 'compose.yaml'), 'utf8')),
    );
    expect(kept).toEqual(['v2\n', 'v3\n', 'v4\n']);
    const names = await readdir(root);
    expect(names).not.toContain('.compose.yaml.tmp-0123456789ab');
    expect(names).toContain('.other.tmp-0123456789ab');
  });

  it('refuses a read-only install folder before writing', async () => {
    if (process.getuid?.() === 0) {
      // root may write anywhere; the access check still answers for a read-only mount (EROFS), not a mode.
      expect((await checkWriteTarget({ path: '/proc/sys/x', field: 'installRoot', label: 'x' }, 'linux'))?.field).toBe(
        'installRoot',
      );
      return;
    }
    const ro = join(base, 'ro');
    await mkdir(ro);
    await chmod(ro, 0o500);
    const e = await checkWriteTarget({ path: join(ro, 'ups'), field: 'installRoot', label: 'x' }, 'linux');
    expect(e?.message).toMatch(/may not write/);
  });
});
