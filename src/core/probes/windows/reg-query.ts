// `reg query <key> [/v <name>]`: the key path on its own line, then one `    <name>    <REG_TYPE>    <data>` line per
// value (four-space separators, the data may hold spaces). The type names are not translated; the error text is,
// so a failure is recognised by the absence of value lines and reported with its first line. Pure.
import { linesOf } from './decode-output';
import { notParsed, parsed, type Parsed } from './parse-result';

export interface RegValue {
  name: string;
  type: string;
  data: string;
}

export function parseRegQuery(text: string): Parsed<RegValue[]> {
  if (!text.trim()) return notParsed('empty', 'reg printed nothing.');
  const values: RegValue[] = [];
  for (const line of linesOf(text)) {
    const m = /^\s{2,}(.+?)\s{2,}(REG_[A-Z_]+)(?:\s{2,}(.*))?$/.exec(line);
    if (m) values.push({ name: (m[1] ?? '').trim(), type: m[2] ?? '', data: (m[3] ?? '').trim() });
  }
  if (!values.length) {
    const first = text.trim().split(/\r?\n/)[0]?.slice(0, 160) ?? '';
    return notParsed('unrecognised', `reg printed no value: ${first}`);
  }
  return parsed(values);
}

/** One value by name (Windows value names are case-insensitive). */
export function regValue(values: readonly RegValue[], name: string): string | undefined {
  return values.find((v) => v.name.toLowerCase() === name.toLowerCase())?.data;
}
