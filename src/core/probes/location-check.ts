// The wizard's location check: measures the chosen data root (or, while it does not exist, its nearest existing
// parent — nothing the user has not confirmed is created), names its filesystem, and runs a host hardlink test there.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LocationCheck, LocationCheckInputSchema } from '../contract/location';
import { UpsFailure } from '../contract/envelope';
import { isWindowsDrivePath } from '../contract/stack-config-paths';
import type { HostContext } from './host-context';
import { estimateNeeds, formatBytes } from './stack-needs';
import { fsTypeFromMagic } from './windows/fs-type';
import { windowsFsName } from './windows/windows-volume';
import type { z } from 'zod';
import { filesystemWarning, fsKindFromName, fsTypeFromMountInfo } from './location-fs';
import { hostHardlinkTest } from './location-hardlink';

export type LocationHost = Pick<HostContext, 'statfs' | 'readText' | 'run'>;
type ParsedInput = z.infer<typeof LocationCheckInputSchema>;

export async function checkLocation(
  input: ParsedInput,
  platform: NodeJS.Platform,
  host: LocationHost,
): Promise<LocationCheck> {
  for (const field of ['installRoot', 'dataRoot'] as const) {
    const p = input[field];
    // A D:\ path means nothing to a Linux host and a /srv path nothing to Windows: say so instead of guessing.
    if (p && isWindowsDrivePath(p) !== (platform === 'win32')) {
      throw new UpsFailure({
        code: 'BAD_INPUT',
        field: `input.${field}`,
        message: `input.${field}: ${p} is a ${isWindowsDrivePath(p) ? 'Windows drive' : 'Linux'} path, but this app runs on ${platform}`,
        fix:
          platform === 'win32'
            ? 'Give a folder on a Windows drive, such as D:\\Media.'
            : 'Give an absolute Linux folder, such as /srv/media.',
      });
    }
  }
  const p = platform === 'win32' ? path.win32 : path.posix;
  const target = input.dataRoot;
  const { folder, exists } = await nearestExistingFolder(target, p, 'dataRoot');
  const { freeBytes, type } = await host.statfs(folder);
  const filesystem = await filesystemName(folder, type, platform, host);
  const neededBytes = estimateNeeds(input.services).diskBytes;
  const fits = freeBytes >= neededBytes;
  const kind = fsKindFromName(filesystem);
  const hardlinks = await hostHardlinkTest(
    folder,
    kind === 'exfat' || kind === 'fat'
      ? 'Use an NTFS-formatted drive for the media folder (or reformat this one as NTFS after backing it up).'
      : 'Use a local NTFS (Windows) or ext4/XFS/Btrfs (Linux) drive for the media folder.',
  );

  const warnings: string[] = [];
  if (!exists)
    warnings.push(
      `${target} does not exist yet; the install creates it. Measured and tested its nearest existing folder, ${folder}.`,
    );
  if (!fits)
    warnings.push(
      `Only ${formatBytes(freeBytes)} free, but images and app data need about ${formatBytes(neededBytes)}: free ${formatBytes(neededBytes - freeBytes)} or choose another drive.`,
    );
  else if (freeBytes < neededBytes * 2)
    warnings.push(
      `Little room is left for media after the ${formatBytes(neededBytes)} the stack needs: plan a larger drive (or a NAS) for films and series.`,
    );
  const fsWarning = filesystemWarning(filesystem);
  if (fsWarning) warnings.push(fsWarning);
  if (input.installRoot) {
    // The stack folder holds the apps' /config (SQLite): memory, container-layer and network filesystems lose or corrupt it.
    const stackFolder = (await nearestExistingFolder(input.installRoot, p, 'installRoot')).folder;
    const stackFs = await filesystemName(stackFolder, (await host.statfs(stackFolder)).type, platform, host);
    const stackWarning = ['tmpfs', 'overlay', 'network'].includes(fsKindFromName(stackFs))
      ? filesystemWarning(stackFs)
      : undefined;
    if (stackWarning) warnings.push(`Stack folder ${input.installRoot}: ${stackWarning}`);
  }
  return { path: target, exists, checkedFolder: folder, freeBytes, neededBytes, fits, filesystem, hardlinks, warnings };
}

/** The folder itself if it exists, else the closest parent that does; a file in the way is the user's to fix. */
async function nearestExistingFolder(
  target: string,
  p: path.PlatformPath,
  field: 'dataRoot' | 'installRoot',
): Promise<{ folder: string; exists: boolean }> {
  let current = target;
  for (;;) {
    const s = await stat(current).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
      throw new UpsFailure({
        code: 'FORBIDDEN',
        field: `input.${field}`,
        message: `input.${field}: cannot read ${current} (${err.code ?? err.message})`,
        fix: 'Choose a folder your user can read and write, or connect its drive.',
      });
    });
    if (s?.isDirectory()) return { folder: current, exists: current === target };
    if (s)
      throw new UpsFailure({
        code: 'BAD_INPUT',
        field: `input.${field}`,
        message: `input.${field}: ${current} is a file, not a folder`,
        fix: 'Choose a folder path, or rename the file that is in the way.',
      });
    const parent = p.dirname(current);
    if (parent === current) {
      throw new UpsFailure({
        code: 'NOT_FOUND',
        field: `input.${field}`,
        message: `input.${field}: the drive of ${target} is not there`,
        fix: 'Connect the drive, or choose a folder on a drive this PC has.',
      });
    }
    current = parent;
  }
}

async function filesystemName(
  folder: string,
  magic: number,
  platform: NodeJS.Platform,
  host: LocationHost,
): Promise<string> {
  if (platform === 'win32') {
    // statfs gives no name on Windows; Get-Volume does (no elevation needed).
    const fs = await windowsFsName(host, folder);
    return 'name' in fs ? fs.name : 'unknown';
  }
  if (platform === 'linux') {
    const real = await realpath(folder).catch(() => folder);
    const named = fsTypeFromMountInfo((await host.readText('/proc/self/mountinfo')) ?? '', real);
    if (named) return named;
    const kind = fsTypeFromMagic(magic);
    return kind === 'other' ? 'unknown' : kind;
  }
  return 'unknown';
}
