// The install writer on a real temp folder: atomic replace, backups of replaced files, idempotence, escape refusal.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';
import { BACKUPS_DIR, listBackups, restoreBackup, writeInstallFiles } from './install-writer';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ups-fs-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeInstallFiles', () => {
  it('writes new files without a backup, then backs up what it replaces', async () => {
    const first = await writeInstallFiles(
      root,
      [
        { name: 'compose.yaml', content: 'a\n' },
        { name: 'sub/x.txt', content: 'x' },
      ],
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(first.written).toEqual(['compose.yaml', 'sub/x.txt']);
    expect(first.backup).toBeUndefined();
    const second = await writeInstallFiles(
      root,
      [
        { name: 'compose.yaml', content: 'b\n' },
        { name: 'sub/x.txt', content: 'x' },
      ],
      new Date('2026-01-02T00:00:00Z'),
    );
    expect(second.written).toEqual(['compose.yaml']);
    expect(second.unchanged).toEqual(['sub/x.txt']);
    expect(await readFile(join(root, 'compose.yaml'), 'utf8')).toBe('b\n');
    expect(await listBackups(root)).toEqual(['2026-01-02T00-00-00-000Z']);
    expect(await readFile(join(root, BACKUPS_DIR, '2026-01-02T00-00-00-000Z', 'compose.yaml'), 'utf8')).toBe('a\n');
  });

  it('restores a backup, keeping the current version as a newer backup', async () => {
    await writeInstallFiles(root, [{ name: 'stack.yml', content: 'v1' }], new Date('2026-01-01T00:00:00Z'));
    const r = await writeInstallFiles(root, [{ name: 'stack.yml', content: 'v2' }], new Date('2026-01-02T00:00:00Z'));
    await restoreBackup(root, (r.backup ?? '').split('/').pop()!);
    expect(await readFile(join(root, 'stack.yml'), 'utf8')).toBe('v1');
    expect((await listBackups(root)).length).toBe(2);
  });

  it('refuses names that escape the root before writing anything', async () => {
    await expect(
      writeInstallFiles(root, [
        { name: 'ok.txt', content: '1' },
        { name: '../evil', content: '2' },
      ]),
    ).rejects.toThrow(/outside/);
    expect(await readdir(root)).toEqual([]);
  });

  it('leaves no temp files behind and sets the mode', async () => {
    await writeFileAtomic(join(root, 'secret-free.env'), 'A=1\n', { mode: 0o600 });
    await writeFile(join(root, 'other'), 'o');
    expect((await readdir(root)).sort()).toEqual(['other', 'secret-free.env']);
  });
});
