// Hardlink test on a target folder: create a file, link it, and check both names are one inode with two links.
// (The container-side test on the real /data mount belongs to the stack issue; this one runs before any copy.)
import { randomBytes } from 'node:crypto';
import { link, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface HardlinkCheck {
  supported: boolean;
  detail: string;
}

export async function testHardlinks(targetRoot: string): Promise<HardlinkCheck> {
  const dir = path.join(targetRoot, `.ups-linktest-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dir);
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    await writeFile(a, 'ups hardlink test');
    try {
      await link(a, b);
    } catch (err) {
      return { supported: false, detail: `The target refused a hardlink (${codeOf(err)}): imports will be copies there. ${FIX}` };
    }
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    if (sa.ino !== sb.ino || sa.nlink !== 2 || sb.nlink !== 2) {
      return { supported: false, detail: `The target created the link as a separate file (inode ${sa.ino} vs ${sb.ino}, ${sa.nlink} links): it emulates hardlinks. ${FIX}` };
    }
    return { supported: true, detail: 'Hardlinks work on the target: one inode, two names.' };
  } catch (err) {
    return { supported: false, detail: `The hardlink test could not write on the target (${codeOf(err)}). Check that the share is writable.` };
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

const FIX = 'On a Samba share enable hardlink support (unix extensions / "store dos attributes"), or choose "Move media only".';

function codeOf(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
}
