// Hardlink test on a migration target folder, before any copy (the container-side test on the real /data mount
// belongs to the stack); the probe itself is shared with the wizard's location check.
import { probeHostHardlink } from '../fs/host-hardlink';

export interface HardlinkCheck {
  supported: boolean;
  detail: string;
}

const FIX =
  'On a Samba share enable hardlink support (unix extensions / "store dos attributes"), or choose "Move media only".';

export async function testHardlinks(targetRoot: string): Promise<HardlinkCheck> {
  const r = await probeHostHardlink(targetRoot);
  switch (r.kind) {
    case 'works':
      return { supported: true, detail: 'Hardlinks work on the target: one inode, two names.' };
    case 'refused':
      return {
        supported: false,
        detail: `The target refused a hardlink (${r.code}): imports will be copies there. ${FIX}`,
      };
    case 'separate-file':
      return {
        supported: false,
        detail: `The target created the link as a separate file (inode ${r.inodes[0]} vs ${r.inodes[1]}, ${r.links} links): it emulates hardlinks. ${FIX}`,
      };
    case 'unwritable':
      return {
        supported: false,
        detail: `The hardlink test could not write on the target (${r.code}). Check that the share is writable.`,
      };
  }
}
