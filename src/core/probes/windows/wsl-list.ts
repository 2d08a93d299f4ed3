// `wsl -l -v`: the header and state words stay English on every locale (NAME STATE VERSION, Running/Stopped),
// but we still key on structure: an optional `*`, a name, a state word, and the WSL version number last. Pure.
import { linesOf, rejectedOption, wslErrorCodes } from './decode-output';
import { notParsed, parsed, type Parsed } from './parse-result';

export interface WslDistro {
  name: string;
  state: 'running' | 'stopped' | 'installing' | 'uninstalling' | 'converting' | 'other';
  stateText: string;
  version: 1 | 2;
  isDefault: boolean;
}

const states: Record<string, WslDistro['state']> = {
  running: 'running',
  stopped: 'stopped',
  installing: 'installing',
  uninstalling: 'uninstalling',
  converting: 'converting',
};

export function parseWslListVerbose(text: string): Parsed<WslDistro[]> {
  if (!text.trim()) return notParsed('empty', 'wsl -l -v printed nothing.');
  const codes = wslErrorCodes(text);
  if (rejectedOption(text, '-l') || rejectedOption(text, '-v') || /\bUsage: wsl\.exe|wsl\.exe \[/.test(text)) {
    return notParsed(
      'unsupported',
      'This wsl.exe is too old for `wsl -l -v` (WSL 2 needs Windows 10 2004 or later, or WSL from the Microsoft Store).',
      codes,
    );
  }
  const rows = linesOf(text).filter((l) => l.trim());
  const header = rows.findIndex((l) => /^\s*\S+\s+\S+\s+\S+\s*$/.test(l) && !/\d\s*$/.test(l));
  const distros: WslDistro[] = [];
  for (const line of rows.slice(header + 1)) {
    const m = /^\s*(\*)?\s*(\S(?:.*\S)?)\s+(\S+)\s+([12])\s*$/.exec(line);
    if (!m) continue;
    const stateText = m[3] ?? '';
    distros.push({
      name: m[2] ?? '',
      state: states[stateText.toLowerCase()] ?? 'other',
      stateText,
      version: m[4] === '2' ? 2 : 1,
      isDefault: !!m[1],
    });
  }
  if (distros.length) return parsed(distros);
  if (codes.length) return notParsed('error-code', `wsl -l -v failed with ${codes.join(', ')}.`, codes);
  return notParsed('unrecognised', 'wsl -l -v printed something we do not recognise.');
}

/** True when no WSL distribution exists yet (which `wsl -l -v` reports as an error code, not an empty table). */
export function noDistributions(p: Parsed<WslDistro[]>): boolean {
  return !p.ok && p.codes.some((c) => c.includes('WSL_E_DEFAULT_DISTRO_NOT_FOUND'));
}
