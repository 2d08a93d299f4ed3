// Where the service catalog is, without loading it (the composition asks for every door; the catalog needs yaml).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where compose/ is: the nearest ancestor of this module that has compose/vpn.yml (works from src/ in tests and from
 * dist/ in the bundle; the composition may name another folder, e.g. the packaged app's resources).
 */
export function catalogDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'compose', 'vpn.yml'))) return join(dir, 'compose');
    const up = dirname(dir);
    if (up === dir)
      throw new Error('The service catalog (compose/*.yml) was not found beside the app: reinstall the app.');
    dir = up;
  }
}
