// Host hardlink test for the wizard, run in an EXISTING folder (never creating the chosen one, which the user has not
// confirmed yet); the probe is shared with the migration, the wording here is the wizard's.
import { probeHostHardlink } from '../fs/host-hardlink';

export interface HostHardlinkResult {
  ok: boolean;
  detail: string;
  fix?: string;
}

export async function hostHardlinkTest(folder: string, fixWhenRefused: string): Promise<HostHardlinkResult> {
  const r = await probeHostHardlink(folder);
  switch (r.kind) {
    case 'works':
      return {
        ok: true,
        detail: `Hardlinks work: tested in ${folder} (one inode, two names; the test folder was removed).`,
      };
    case 'refused':
      return {
        ok: false,
        detail: `Tested in ${folder}: the filesystem refused a hardlink (${r.code}), so imports would be full copies.`,
        fix: fixWhenRefused,
      };
    case 'separate-file':
      return {
        ok: false,
        detail: `Tested in ${folder}: the link came out as a separate file (inodes ${r.inodes[0]}/${r.inodes[1]}, ${r.links} links).`,
        fix: fixWhenRefused,
      };
    case 'unwritable':
      return {
        ok: false,
        detail: `Could not write a test file in ${folder} (${r.code}), so hardlinks could not be tested.`,
        fix: 'Pick a folder your user can write to, or create the media folder yourself and check again; the install runs the test once more on the real mount.',
      };
  }
}
