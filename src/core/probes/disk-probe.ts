// Free space and filesystem type where the stack's data will live; exFAT/FAT cannot hardlink (docs/decisions.md D7).
import { posix, win32 } from 'node:path';
import type { HostContext } from './host-context';
import { hostOf, type Probe } from './probe';
import { formatBytes } from './stack-needs';
import { fsTypeFromMagic, fsTypeFromText, noHardlinks, type FsKind } from './windows/fs-type';
import { windowsFsName } from './windows/windows-volume';

export const diskProbe: Probe = {
  id: 'host.disk',
  title: 'Disk space and filesystem',
  applies: () => true,
  async check(ctx) {
    const host = hostOf(ctx);
    const { path, source, problem } = await host.dataPath();
    const where =
      source === 'stack'
        ? `${path} (the data root in stack.yml)`
        : source === 'env'
          ? `${path} (UPS_DATA_PATH)`
          : `${path} (home folder: no stack installed yet)`;
    const note = problem
      ? ` The installed stack's data root could not be read (${problem}), so this checks the fallback.`
      : '';
    let free: number;
    let kind: FsKind | undefined;
    let unknownFs = '';
    let measured = path;
    try {
      const found = await statfsNearest(host, path, ctx.platform);
      const s = found.stats;
      measured = found.folder;
      free = s.freeBytes;
      kind = ctx.platform === 'win32' ? undefined : fsTypeFromMagic(s.type);
    } catch (err) {
      return {
        state: 'fail',
        detail: `Cannot read ${where}: ${err instanceof Error ? err.message : String(err)}.${note}`,
        fixes: [
          {
            kind: 'steps',
            text:
              source === 'stack'
                ? 'Connect the drive that holds the data root (or fix dataRoot in stack.yml).'
                : 'Choose a folder on a connected drive you can write to.',
          },
        ],
      };
    }
    if (ctx.platform === 'win32') {
      // statfs on Windows gives no filesystem name; Get-Volume prints it, unelevated and on every display language.
      const fs = await windowsFsName(host, measured);
      if ('name' in fs) kind = fsTypeFromText(fs.name);
      else unknownFs = ` The filesystem could not be identified (${fs.unknown}); make sure the drive is NTFS.`;
    }
    const need = host.needs.diskBytes;
    // After a failed install stack.yml names a media folder that was never made: its drive still answers the question.
    const notYet = measured === path ? '' : ` The folder does not exist yet, so its drive was measured at ${measured}.`;
    const fsText = kind ? `, ${kind === 'other' ? 'filesystem' : kind.toUpperCase()}` : '';
    const detail = `${formatBytes(free)} free at ${where}${fsText}; images and app data need about ${formatBytes(need)} (media not counted).${notYet}${note}${unknownFs}`;
    if (kind && noHardlinks(kind)) {
      return {
        state: 'fail',
        detail: `${detail} ${kind.toUpperCase()} cannot hold hardlinks, so every import would be a full copy.`,
        fixes: [
          {
            kind: 'steps',
            text: 'Choose an NTFS drive (Windows) or an ext4/XFS/Btrfs one (Linux) for the media and downloads folder.',
          },
        ],
      };
    }
    if (free < need)
      return {
        state: 'fail',
        detail,
        fixes: [
          { kind: 'steps', text: `Free at least ${formatBytes(need - free)} on this drive, or choose another drive.` },
        ],
      };
    if (free < need * 2)
      return {
        state: 'warn',
        detail: `${detail} Little room is left for media.`,
        fixes: [
          { kind: 'steps', text: 'Plan a larger drive (or a NAS) for media: downloads and the library share it.' },
        ],
      };
    return { state: 'ok', detail, fixes: [] };
  },
};

/** statfs on the folder, or on its closest existing parent when the folder is missing (nothing is created). */
async function statfsNearest(
  host: HostContext,
  path: string,
  platform: NodeJS.Platform,
): Promise<{ folder: string; stats: { freeBytes: number; type: number } }> {
  const p = platform === 'win32' ? win32 : posix;
  let current = path;
  let first: unknown;
  for (;;) {
    try {
      return { folder: current, stats: await host.statfs(current) };
    } catch (err) {
      first ??= err;
      const parent = p.dirname(current);
      // Only a missing folder is walked past; a drive that is gone or unreadable is the user's to fix.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) throw first;
      current = parent;
    }
  }
}
