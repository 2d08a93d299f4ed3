// The Windows rename retry, with an injected rename (no real file is ever locked here) and a sleep that records
// the backoff instead of waiting.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { rename as realRename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';
import { RENAME_BACKOFF_MS, renameWithRetry } from './rename-retry';

const errno = (code: string, n: number) =>
  Object.assign(new Error(`${code}: operation not permitted, rename #${n}`), { code });

/** A rename that fails `failures` times with `code`, then does the real rename. */
function flaky(failures: number, code = 'EPERM') {
  const calls: string[] = [];
  const rename = async (from: string, to: string) => {
    calls.push(from);
    if (calls.length <= failures) throw errno(code, calls.length);
    await realRename(from, to);
  };
  return { rename, calls };
}

describe('renameWithRetry', () => {
  it.each(['EPERM', 'EBUSY', 'EACCES'])('on win32 rides out %s twice, then renames', async (code) => {
    const dir = await mkdtemp(join(tmpdir(), 'ups-t-rename-'));
    await writeFile(join(dir, 'a'), 'new');
    const f = flaky(2, code);
    const waits: number[] = [];
    await renameWithRetry(join(dir, 'a'), join(dir, 'b'), {
      platform: 'win32',
      rename: f.rename,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(f.calls).toHaveLength(3);
    expect(waits).toEqual([10, 20]);
    expect(await readFile(join(dir, 'b'), 'utf8')).toBe('new');
  });

  it('does not retry off Windows, nor an error that is not a sharing error', async () => {
    const linux = flaky(1);
    await expect(
      renameWithRetry('/x', '/y', { platform: 'linux', rename: linux.rename, sleep: async () => {} }),
    ).rejects.toMatchObject({ code: 'EPERM' });
    expect(linux.calls).toHaveLength(1);
    const missing = flaky(1, 'ENOENT');
    await expect(
      renameWithRetry('/x', '/y', { platform: 'win32', rename: missing.rename, sleep: async () => {} }),
    ).rejects.toMatchObject({ code: 'ENOENT' });
    expect(missing.calls).toHaveLength(1);
  });

  it('gives up after a bounded number of attempts with the first error', async () => {
    const always = flaky(Infinity, 'EBUSY');
    const waits: number[] = [];
    await expect(
      renameWithRetry('/x', '/y', {
        platform: 'win32',
        rename: always.rename,
        sleep: async (ms) => void waits.push(ms),
      }),
    ).rejects.toThrow('EBUSY: operation not permitted, rename #1');
    expect(always.calls).toHaveLength(RENAME_BACKOFF_MS.length + 1);
    expect(waits).toEqual([...RENAME_BACKOFF_MS]);
  });
});

describe('writeFileAtomic on a Windows rename error', () => {
  it('retries and replaces the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ups-t-atomic-'));
    const target = join(dir, 'prefs.json');
    await writeFile(target, 'old');
    const f = flaky(3, 'EPERM');
    await writeFileAtomic(target, 'new', { rename: { platform: 'win32', rename: f.rename, sleep: async () => {} } });
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['prefs.json']);
  });

  it('when the rename never succeeds: the original error, the old file intact, the temp removed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ups-t-atomic-'));
    const target = join(dir, 'prefs.json');
    await writeFile(target, 'old');
    const f = flaky(Infinity, 'EACCES');
    await expect(
      writeFileAtomic(target, 'new', { rename: { platform: 'win32', rename: f.rename, sleep: async () => {} } }),
    ).rejects.toThrow('EACCES: operation not permitted, rename #1');
    expect(f.calls).toHaveLength(RENAME_BACKOFF_MS.length + 1);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['prefs.json']);
  });
});
