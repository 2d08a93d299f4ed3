// Loads the recorded Windows outputs under tests/fixtures/windows (see the README there for where each came from).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeWindowsOutput } from './decode-output';

const root = fileURLToPath(new URL('../../../../tests/fixtures/windows/', import.meta.url));

export const fixtureBytes = (path: string): Buffer => readFileSync(root + path);
export const fixtureText = (path: string): string => decodeWindowsOutput(fixtureBytes(path));

/** Inputs every parser must survive without throwing: empty, binary noise, truncated halves, another command. */
export function hostileInputs(sample: string): string[] {
  const noise = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256)).toString('latin1');
  return [
    '',
    '   \r\n',
    noise,
    sample.slice(0, Math.floor(sample.length / 3)),
    sample.slice(Math.floor(sample.length / 2)),
    '<html><body>502 Bad Gateway</body></html>',
    'Access is denied.',
  ];
}
