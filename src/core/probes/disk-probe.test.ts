// The disk check measures the drive it was pointed at (the stack's data root once installed) and names it.
import { describe, expect, it } from 'vitest';
import { diskProbe } from './disk-probe';
import type { DataLocation, HostContext } from './host-context';
import type { ProbeContext } from './probe';
import { estimateNeeds } from './stack-needs';
import { fixtureBytes } from './windows/fixtures.test-helper';

const GiB = 1024 ** 3;

function ctx(
  location: DataLocation,
  fs: { freeBytes: number; type: number } | Error,
  recorded?: { stdout?: string; stderr?: string },
  platform: NodeJS.Platform = 'linux',
) {
  const asked: string[] = [];
  const host = {
    run: async (file: string, args: string[]) => {
      asked.push([file, ...args].join(' '));
      return {
        exitCode: recorded?.stderr ? 1 : 0,
        stdout: recorded?.stdout ? fixtureBytes(recorded.stdout) : new Uint8Array(),
        stderr: recorded?.stderr ? fixtureBytes(recorded.stderr) : new Uint8Array(),
      };
    },
    statfs: async (p: string) => {
      asked.push(p);
      if (fs instanceof Error) throw fs;
      return fs;
    },
    dataPath: async () => location,
    needs: estimateNeeds(),
  } as unknown as HostContext;
  const c: ProbeContext = {
    platform,
    host,
    docker: async () => ({ reachable: false, endpoint: 'x' }),
    compose: async () => ({ available: false }),
    vault: async () => ({ usable: true, backend: 'x' }),
  };
  return { c, asked };
}

describe('disk probe', () => {
  it("measures the stack's data root and says it is the one from stack.yml", async () => {
    const { c, asked } = ctx({ path: '/srv/media', source: 'stack' }, { freeBytes: 500 * GiB, type: 0xef53 });
    const r = await diskProbe.check(c);
    expect(asked).toEqual(['/srv/media']);
    expect(r.state).toBe('ok');
    expect(r.detail).toContain('/srv/media (the data root in stack.yml), EXT');
  });

  it('fails an exFAT data root, and a data root whose drive is gone with a fix that names the data root', async () => {
    expect(
      (
        await diskProbe.check(
          ctx({ path: '/media/usb', source: 'stack' }, { freeBytes: 500 * GiB, type: 0x2011bab0 }).c,
        )
      ).state,
    ).toBe('fail');
    const gone = await diskProbe.check(
      ctx(
        { path: '/media/usb', source: 'stack' },
        Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' }),
      ).c,
    );
    expect(gone).toMatchObject({ state: 'fail' });
    expect(gone.detail).toContain('Cannot read /media/usb (the data root in stack.yml)');
    expect(gone.fixes[0]).toMatchObject({ kind: 'steps', text: expect.stringMatching(/data root/) as unknown });
  });

  it('on Windows names the filesystem from a recorded Get-Volume table, fails FAT32, and says why when Get-Volume failed', async () => {
    const ntfs = ctx(
      { path: 'C:\\Media', source: 'stack' },
      { freeBytes: 500 * GiB, type: 0 },
      { stdout: 'get-volume/fr-machine-ntfs-fat32.txt' },
      'win32',
    );
    const ok = await diskProbe.check(ntfs.c);
    expect(ntfs.asked[1]).toBe('powershell.exe -NoProfile -NonInteractive -Command Get-Volume -DriveLetter C');
    expect(ok).toMatchObject({ state: 'ok' });
    expect(ok.detail).toContain('(the data root in stack.yml), NTFS;');
    const fat = await diskProbe.check(
      ctx(
        { path: 'D:\\Media', source: 'stack' },
        { freeBytes: 500 * GiB, type: 0 },
        { stdout: 'get-volume/fr-machine-ntfs-fat32.txt' },
        'win32',
      ).c,
    );
    expect(fat).toMatchObject({
      state: 'fail',
      detail: expect.stringContaining('FAT cannot hold hardlinks') as unknown,
    });
    const failed = await diskProbe.check(
      ctx(
        { path: 'C:\\Media', source: 'stack' },
        { freeBytes: 500 * GiB, type: 0 },
        { stderr: 'get-volume/en-error-no-volume.txt' },
        'win32',
      ).c,
    );
    expect(failed.detail).toContain(
      "The filesystem could not be identified (Get-Volume: No MSFT_Volume objects found with property 'DriveLetter' equal to 'C'); make sure the drive is NTFS.",
    );
  });

  it('says when it fell back because the installed stack.yml could not be read', async () => {
    const r = await diskProbe.check(
      ctx(
        { path: '/home/me', source: 'home', problem: '/srv/ups/stack.yml is not valid (bad)' },
        { freeBytes: 500 * GiB, type: 0xef53 },
      ).c,
    );
    expect(r.detail).toContain('/home/me (home folder: no stack installed yet)');
    expect(r.detail).toContain('could not be read (/srv/ups/stack.yml is not valid (bad))');
  });
});

describe('disk probe when the data root does not exist yet', () => {
  it('measures the closest existing parent (after a failed install the media folder was never made) and passes', async () => {
    const asked: string[] = [];
    const missing = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    const { c } = ctx({ path: '/srv/data/media', source: 'stack' }, { freeBytes: 500 * GiB, type: 0xef53 });
    c.host.statfs = async (p: string) => {
      asked.push(p);
      if (p !== '/srv') throw missing;
      return { freeBytes: 500 * GiB, type: 0xef53 };
    };
    const r = await diskProbe.check(c);
    expect(asked).toEqual(['/srv/data/media', '/srv/data', '/srv']);
    expect(r.state).toBe('ok');
    expect(r.detail).toContain('The folder does not exist yet, so its drive was measured at /srv.');
  });

  it('walks Windows paths with Windows separators, and still fails when the drive itself is gone', async () => {
    const asked: string[] = [];
    const missing = Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    const { c } = ctx({ path: 'D:\\Media\\data', source: 'stack' }, { freeBytes: 1, type: 0 }, undefined, 'win32');
    c.host.statfs = async (p: string) => {
      asked.push(p);
      throw missing;
    };
    const r = await diskProbe.check(c);
    expect(asked).toEqual(['D:\\Media\\data', 'D:\\Media', 'D:\\']);
    expect(r.state).toBe('fail');
    expect(r.detail).toContain('Cannot read D:\\Media\\data (the data root in stack.yml)');
  });
});
