// Reads the Windows tools' outputs recorded on the release runner (probe-recordings/<fixture dir>/<file>) with the same
// parsers the probes use, and fails when one cannot read a real output at all; new fixtures are the workflow's job.
// Usage (after esbuild bundles it): node check-probe-recordings.mjs <recordings dir>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeWindowsOutput } from '../../src/core/probes/windows/decode-output';
import { parseExcludedPortRanges } from '../../src/core/probes/windows/excluded-ports';
import type { Parsed } from '../../src/core/probes/windows/parse-result';
import { fsNameFromGetVolume } from '../../src/core/probes/windows/windows-volume';
import { parseWslListVerbose } from '../../src/core/probes/windows/wsl-list';
import { parseWslStatus } from '../../src/core/probes/windows/wsl-status';
import { parseWslVersion } from '../../src/core/probes/windows/wsl-version';

const asVerdict = (p: Parsed<unknown>) => (p.ok ? 'read' : p.reason === 'unrecognised' ? null : `not ok: ${p.reason}`);

/** One reader per fixture folder (tests/fixtures/windows/README.md names the command behind each). */
const readers: Record<string, (text: string) => string | null> = {
  'wsl-status': (t) => asVerdict(parseWslStatus(t)),
  'wsl-version': (t) => asVerdict(parseWslVersion(t)),
  'wsl-list-verbose': (t) => asVerdict(parseWslListVerbose(t)),
  'netsh-excludedportrange': (t) => asVerdict(parseExcludedPortRanges(t)),
  'get-volume': (t) => {
    const fs = fsNameFromGetVolume(t, 'C');
    return fs ? `C: is ${fs}` : null;
  },
};

const root = process.argv[2];
if (!root) throw new Error('usage: check-probe-recordings <recordings dir>');
let unreadable = 0;
for (const dir of Object.keys(readers)) {
  for (const file of readdirSync(join(root, dir))) {
    const text = decodeWindowsOutput(readFileSync(join(root, dir, file)));
    const verdict = readers[dir]!(text);
    if (verdict === null) unreadable++;
    console.log(`${dir}/${file}: ${verdict ?? 'UNREADABLE by the parser'}`);
  }
}
process.exitCode = unreadable === 0 ? 0 : 1;
