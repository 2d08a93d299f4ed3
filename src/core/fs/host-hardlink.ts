// One host hardlink probe for every caller (migration target, wizard location): in a temp subfolder of an existing
// folder, write a file, link it, compare inodes and link counts; the subfolder is removed whatever happens.
// Callers word the outcome for their own context.
import { randomBytes } from 'node:crypto';
import { link, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export type HardlinkOutcome =
  | { kind: 'works' }
  | { kind: 'refused'; code: string }
  | { kind: 'separate-file'; inodes: [number, number]; links: number }
  | { kind: 'unwritable'; code: string };

export async function probeHostHardlink(folder: string): Promise<HardlinkOutcome> {
  const dir = path.join(folder, `.ups-linktest-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dir);
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    await writeFile(a, 'ups hardlink test');
    try {
      await link(a, b);
    } catch (err) {
      return { kind: 'refused', code: codeOf(err) };
    }
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    if (sa.ino !== sb.ino || sa.nlink !== 2 || sb.nlink !== 2)
      return { kind: 'separate-file', inodes: [sa.ino, sb.ino], links: sa.nlink };
    return { kind: 'works' };
  } catch (err) {
    return { kind: 'unwritable', code: codeOf(err) };
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

function codeOf(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
}
