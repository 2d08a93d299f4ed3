// `wsl --status`: labels are localised ("Default Version", "Standardversion", …), so we read structure only:
// `label: value` lines, where the default version is the value that is exactly 1 or 2, and the default
// distribution is the `label: value` line right before it. Pure.
import { linesOf, rejectedOption, wslErrorCodes } from './decode-output';
import { notParsed, parsed, type Parsed } from './parse-result';

export interface WslStatus {
  defaultVersion: 1 | 2;
  defaultDistro?: string;
}

export function parseWslStatus(text: string): Parsed<WslStatus> {
  if (!text.trim()) return notParsed('empty', 'wsl --status printed nothing.');
  const codes = wslErrorCodes(text);
  if (rejectedOption(text, '--status'))
    return notParsed('unsupported', 'This wsl.exe does not know --status: it is the old inbox WSL.', codes);
  const pairs = linesOf(text)
    .map((l) => /^\s*([^:：]+?)\s*[:：]\s*(.+?)\s*$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ label: m[1] ?? '', value: m[2] ?? '' }));
  const at = pairs.findIndex((p) => /^[12]$/.test(p.value));
  if (at < 0) {
    if (codes.length) return notParsed('error-code', `wsl --status failed with ${codes.join(', ')}.`, codes);
    return notParsed('unrecognised', 'wsl --status did not print a default version.');
  }
  const before = pairs[at - 1];
  // The distribution line has a plain name, never a version, URL or code.
  const defaultDistro = before && !/^[\d.]+$|https?:|\s/.test(before.value) ? before.value : undefined;
  return parsed({ defaultVersion: pairs[at]?.value === '2' ? 2 : 1, ...(defaultDistro ? { defaultDistro } : {}) });
}
