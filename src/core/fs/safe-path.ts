// Resolves a relative file name inside a root, refusing anything that would escape it (../, absolute, drive letters).
import { isAbsolute, join, normalize, relative, sep } from 'node:path';

export function resolveInside(root: string, name: string): string {
  if (!name || isAbsolute(name) || /^[A-Za-z]:/.test(name) || name.includes('\0'))
    throw new Error(`refusing to write ${JSON.stringify(name)}: not a relative file name`);
  const full = join(root, normalize(name));
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
    throw new Error(`refusing to write ${JSON.stringify(name)}: it would land outside ${root}`);
  }
  return full;
}
