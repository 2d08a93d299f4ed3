// Get-Volume parsing on recorded real tables (tests/fixtures/windows/README.md names each source), hostile input, and
// the one-call runner's answers for a found drive, a missing one and a refused command.
import { describe, expect, it } from 'vitest';
import { fixtureText, hostileInputs } from './fixtures.test-helper';
import { driveLetterOf, fsNameFromGetVolume, getVolumeArgs, windowsFsName } from './windows-volume';

const rec = (name: string) => fixtureText(`get-volume/${name}`);

describe('fsNameFromGetVolume', () => {
  it('reads the drive asked for from every recorded table', () => {
    expect(fsNameFromGetVolume(rec('en-pwsh7-usb-ntfs.txt'), 'X')).toBe('NTFS');
    expect(fsNameFromGetVolume(rec('en-removable-fat32.txt'), 'e')).toBe('FAT32');
    // A French machine prints the same English table; this user also typed notes after some rows.
    expect(fsNameFromGetVolume(rec('fr-machine-ntfs-fat32.txt'), 'C')).toBe('NTFS');
    expect(fsNameFromGetVolume(rec('fr-machine-ntfs-fat32.txt'), 'D')).toBe('FAT32');
    // Server Core, console too narrow for the Size column; rows without a letter are never taken for a drive.
    const core = rec('en-server-core-narrow.txt');
    expect(['C', 'D', 'E', 'F'].map((l) => fsNameFromGetVolume(core, l))).toEqual(['NTFS', 'Unknown', 'NTFS', 'NTFS']);
  });

  it('answers nothing for a drive the table does not list, or for the recorded failure', () => {
    expect(fsNameFromGetVolume(rec('en-pwsh7-usb-ntfs.txt'), 'C')).toBeUndefined();
    expect(fsNameFromGetVolume(rec('fr-machine-ntfs-fat32.txt'), 'Z')).toBeUndefined();
    expect(fsNameFromGetVolume(rec('en-error-no-volume.txt'), 'C')).toBeUndefined();
  });

  it('is not fooled by a label that names a filesystem', () => {
    const table = rec('en-removable-fat32.txt').replace('WORK_DOCS   ', 'NTFS backup ');
    expect(fsNameFromGetVolume(table, 'E')).toBe('FAT32');
  });

  it('survives hostile input', () => {
    for (const name of ['en-pwsh7-usb-ntfs.txt', 'fr-machine-ntfs-fat32.txt', 'en-server-core-narrow.txt']) {
      for (const input of hostileInputs(rec(name))) expect(() => fsNameFromGetVolume(input, 'C')).not.toThrow();
    }
  });
});

describe('windowsFsName', () => {
  const host = (stdout: string, stderr = '', exitCode = 0, error?: string) => {
    const asked: string[][] = [];
    return {
      asked,
      run: async (file: string, args: string[]) => {
        asked.push([file, ...args]);
        return { exitCode, stdout: Buffer.from(stdout), stderr: Buffer.from(stderr), ...(error ? { error } : {}) };
      },
    };
  };

  it('asks Get-Volume for the drive of the path and returns its filesystem', async () => {
    const h = host(rec('fr-machine-ntfs-fat32.txt').replace(/\n/g, '\r\n'));
    expect(await windowsFsName(h, 'D:\\Media\\Movies')).toEqual({ name: 'FAT32' });
    expect(h.asked).toEqual([['powershell.exe', ...getVolumeArgs('D')]]);
  });

  it('says why the filesystem is unknown: the recorded failure, a CD drive, a command that could not run, a UNC path', async () => {
    expect(await windowsFsName(host('', rec('en-error-no-volume.txt'), 1), 'C:\\x')).toEqual({
      unknown: "Get-Volume: No MSFT_Volume objects found with property 'DriveLetter' equal to 'C'",
    });
    expect(await windowsFsName(host(rec('en-server-core-narrow.txt')), 'D:\\')).toEqual({
      unknown: 'Get-Volume reports the filesystem of drive D: as Unknown (not formatted, or a disc drive)',
    });
    // How Windows PowerShell prints the same error record on stderr: the cmdlet's name is not repeated.
    expect(await windowsFsName(host('', `Get-Volume : ${rec('en-error-no-volume.txt')}`, 1), 'C:\\x')).toEqual({
      unknown: "Get-Volume: No MSFT_Volume objects found with property 'DriveLetter' equal to 'C'",
    });
    expect(await windowsFsName(host('', '', -1, 'spawn powershell.exe ENOENT'), 'C:\\x')).toEqual({
      unknown: 'Get-Volume: spawn powershell.exe ENOENT',
    });
    const unc = host('');
    expect(await windowsFsName(unc, '\\\\nas\\media')).toEqual({ unknown: '\\\\nas\\media is not on a drive letter' });
    expect(unc.asked).toEqual([]);
  });

  it('takes the letter from drive paths only', () => {
    expect([driveLetterOf('d:\\'), driveLetterOf('C:'), driveLetterOf('\\\\nas\\x'), driveLetterOf('media')]).toEqual([
      'D',
      'C',
      undefined,
      undefined,
    ]);
  });
});
