// Host hardlink test for the wizard: in a temp subfolder of an EXISTING folder (never creating the chosen one, which
// the user has not confirmed yet), link a file and compare inodes; the subfolder is removed whatever happens.
import { randomBytes } from 'node:crypto';
import { link, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface HostHardlinkResult {
  ok: boolean;
  detail: string;
  fix?: string;
}

export async function hostHardlinkTest(folder: string, fixWhenRefused: string): Promise<HostHardlinkResult> {
  const dir = path.join(folder, `.ups-linktest-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dir);
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    await writeFile(a, 'ups hardlink test');
    try {
      await link(a, b);
    } catch (err) {
      return { ok: false, detail: `Tested in ${folder}: the filesystem refused a hardlink (${codeOf(err)}), so imports would be full copies.`, fix: fixWhenRefused };
    }
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    if (sa.ino !== sb.ino || sa.nlink !== 2 || sb.nlink !== 2) {
      return { ok: false, detail: `Tested in ${folder}: the link came out as a separate file (inodes ${sa.ino}/${sb.ino}, ${sa.nlink} links).`, fix: fixWhenRefused };
    }
    return { ok: true, detail: `Hardlinks work: tested in ${folder} (one inode, two names; the test folder was removed).` };
  } catch (err) {
    return {
      ok: false,
      detail: `Could not write a test file in ${folder} (${codeOf(err)}), so hardlinks could not be tested.`,
      fix: 'Pick a folder your user can write to, or create the media folder yourself and check again; the install runs the test once more on the real mount.',
    };
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function codeOf(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
}
