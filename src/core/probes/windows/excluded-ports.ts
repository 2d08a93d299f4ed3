// `netsh int ipv4 show excludedportrange protocol=tcp`: a localised title and header, a dashed rule, then rows of
// `start end` with `*` marking administered exclusions. We key on the rule and the numbers only. Pure.
import { linesOf } from './decode-output';
import { notParsed, parsed, type Parsed } from './parse-result';

export interface PortRange {
  start: number;
  end: number;
  administered: boolean;
}

export function parseExcludedPortRanges(text: string): Parsed<PortRange[]> {
  if (!text.trim()) return notParsed('empty', 'netsh printed nothing.');
  const lines = linesOf(text);
  const rule = lines.findIndex((l) => /^\s*-{4,}\s+-{4,}\s*$/.test(l));
  if (rule < 0) return notParsed('unrecognised', `netsh did not print a port table: ${firstLine(text)}`);
  const ranges: PortRange[] = [];
  for (const line of lines.slice(rule + 1)) {
    const m = /^\s*(\d{1,5})\s+(\d{1,5})\s*(\*)?\s*$/.exec(line);
    if (!m) continue;
    const start = Number(m[1]);
    const end = Number(m[2]);
    if (start > 65535 || end > 65535 || end < start)
      return notParsed('unrecognised', `netsh printed an impossible range ${start}-${end}.`);
    ranges.push({ start, end, administered: !!m[3] });
  }
  return parsed(ranges);
}

export function excludedPortsAmong(
  ports: readonly number[],
  ranges: readonly PortRange[],
): { port: number; range: PortRange }[] {
  return ports.flatMap((port) => {
    const range = ranges.find((r) => port >= r.start && port <= r.end);
    return range ? [{ port, range }] : [];
  });
}

const firstLine = (t: string) => t.trim().split(/\r?\n/)[0]?.slice(0, 120) ?? '';
