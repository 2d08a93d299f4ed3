// `wsl --version` (Store WSL only): seven `label: version` lines in a fixed order — WSL, kernel, WSLg, MSRDC,
// Direct3D, DXCore, Windows — with labels localised. We read the order, not the words. Pure.
import { linesOf, rejectedOption, wslErrorCodes } from './decode-output';
import { notParsed, parsed, type Parsed } from './parse-result';

export interface WslVersion {
  wsl: string;
  kernel?: string;
  windows?: string;
}

export function parseWslVersion(text: string): Parsed<WslVersion> {
  if (!text.trim()) return notParsed('empty', 'wsl --version printed nothing.');
  const codes = wslErrorCodes(text);
  if (rejectedOption(text, '--version') || rejectedOption(text, '-v')) {
    return notParsed(
      'unsupported',
      'This wsl.exe does not know --version: it is the old inbox WSL, not the Microsoft Store WSL.',
      codes,
    );
  }
  const versions = linesOf(text)
    .map((l) => /[:：]\s*(\d+(?:\.\d+){1,3}(?:[-+][\w.-]+)?)\s*$/.exec(l)?.[1])
    .filter((v): v is string => !!v);
  if (versions.length < 2) {
    if (codes.length) return notParsed('error-code', `wsl --version failed with ${codes.join(', ')}.`, codes);
    return notParsed('unrecognised', 'wsl --version did not print its version lines.');
  }
  const last = versions[versions.length - 1];
  return parsed({
    wsl: versions[0] ?? '',
    kernel: versions[1],
    ...(versions.length >= 7 && last && /^10\.0\.\d+/.test(last) ? { windows: last } : {}),
  });
}

/** Compares dotted versions numerically: -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}
