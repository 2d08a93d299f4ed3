// Finds a file under tests/fixtures both from the sources (vitest) and from the esbuild bench bundle in dist/bench,
// where import.meta.url no longer sits next to tests/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function fixturePath(rel: string): string {
  const beside = fileURLToPath(new URL(`../fixtures/${rel}`, import.meta.url));
  return existsSync(beside) ? beside : join(process.cwd(), 'tests', 'fixtures', rel);
}
