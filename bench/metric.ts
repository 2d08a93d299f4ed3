// One bench metric = one JSON line: name, value, unit, and the comparison figure where there is one.
export interface Metric {
  name: string;
  value: number;
  unit: string;
  /** The figure this one is compared with (e.g. raw docker ps), and the ratio value/baseline. */
  baseline?: { name: string; value: number; ratio: number };
  goal?: string;
  note?: string;
}

export type Scenario = () => Promise<Metric[]>;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));
