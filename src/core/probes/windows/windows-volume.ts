// Which filesystem a Windows drive uses, from PowerShell's `Get-Volume -DriveLetter X` (the Storage module).
// Chosen over `fsutil fsinfo volumeinfo`, which refuses users who are not elevated: Get-Volume needs no elevation, and
// its table prints property and enum names (FileSystemType, Fixed, Healthy), which stay English on every display
// language (see the French machine in tests/fixtures/windows/get-volume). Parsing is pure; running it is one call.
import type { HostContext } from '../host-context';
import { decodeWindowsOutput } from './decode-output';

export type VolumeRunner = Pick<HostContext, 'run'>;

/** The drive letter of a Windows path ("D:\\Media" → "D"), or undefined for UNC and relative paths. */
export function driveLetterOf(path: string): string | undefined {
  return /^([A-Za-z]):/.exec(path)?.[1]?.toUpperCase();
}

export const getVolumeArgs = (letter: string): string[] => [
  '-NoProfile',
  '-NonInteractive',
  '-Command',
  `Get-Volume -DriveLetter ${letter}`,
];

const FS = 'NTFS|ReFS|exFAT|FAT32|FAT16|FAT12|FAT|CSVFS_NTFS|CSVFS_ReFS|CSVFS|UDF|CDFS|Unknown';
const DRIVE_TYPE = 'Fixed|Removable|CD-ROM|Network|Unknown|RAM Disk|No Root Directory';
// FileSystemType is always followed by DriveType, so the pair finds the column even when a long FriendlyName shifts it,
// and a label that merely names a filesystem ("FAT backup") is not taken for one.
const fsThenType = new RegExp(`(?:^|\\s)(${FS})\\s+(?:${DRIVE_TYPE})(?=\\s|$)`, 'gi');

/**
 * The FileSystemType of `letter`'s row in a Get-Volume table, as printed ("NTFS", "FAT32", "Unknown"), or undefined
 * when the text holds no such table or no row for that drive (Get-Volume's failure goes to stderr, not here).
 */
export function fsNameFromGetVolume(text: string, letter: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((l) => /\bDriveLetter\b/.test(l) && /\bDriveType\b/.test(l));
  if (header < 0) return undefined;
  const want = letter.toUpperCase();
  for (const row of lines.slice(header + 1)) {
    if (/^[\s-]*$/.test(row)) continue;
    if (/^([A-Za-z])\s/.exec(row)?.[1]?.toUpperCase() !== want) continue;
    const matches = [...row.matchAll(fsThenType)];
    return matches.at(-1)?.[1];
  }
  return undefined;
}

/** Runs Get-Volume for the drive `path` is on; the filesystem name, or why it is unknown (first line of the failure). */
export async function windowsFsName(host: VolumeRunner, path: string): Promise<{ name: string } | { unknown: string }> {
  const letter = driveLetterOf(path);
  if (!letter) return { unknown: `${path} is not on a drive letter` };
  const r = await host.run('powershell.exe', getVolumeArgs(letter));
  const name = fsNameFromGetVolume(decodeWindowsOutput(r.stdout), letter);
  if (name && name.toLowerCase() !== 'unknown') return { name };
  if (name)
    return {
      unknown: `Get-Volume reports the filesystem of drive ${letter}: as Unknown (not formatted, or a disc drive)`,
    };
  const why = `${r.error ?? ''}\n${decodeWindowsOutput(r.stderr)}\n${decodeWindowsOutput(r.stdout)}`
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^Get-Volume\s*:\s*/i, ''))
    .find(Boolean);
  return { unknown: `Get-Volume: ${why?.slice(0, 160) ?? `no answer for drive ${letter}:`}` };
}
