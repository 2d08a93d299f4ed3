// Packs text entries into one zip (fflate, in memory: a bundle is a few megabytes of logs at most).
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface BundleEntry {
  /** Path inside the zip, forward slashes. */
  name: string;
  text: string;
}

/** A fixed time stamp inside the zip keeps equal bundles byte-equal; the real time is in the manifest. */
export function zipEntries(entries: readonly BundleEntry[], mtime: Date): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) {
    if (Object.hasOwn(files, e.name)) throw new Error(`diagnostics entry ${e.name} appears twice`);
    files[e.name] = [strToU8(e.text), { mtime }];
  }
  return zipSync(files, { level: 6 });
}
