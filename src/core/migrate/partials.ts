// Removes temp files a crash left behind on the target: a partial file is never trusted, it is copied again.
import { opendir, rm } from 'node:fs/promises';
import path from 'node:path';
import { PART_PREFIX } from './copy-file';

export async function sweepPartials(root: string): Promise<number> {
  const found = await findPartials(root);
  for (const p of found) await rm(p, { force: true });
  return found.length;
}

export async function findPartials(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const d = await opendir(dir);
    for await (const e of d) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.name.startsWith(PART_PREFIX)) found.push(full);
    }
  };
  await walk(root);
  return found;
}
