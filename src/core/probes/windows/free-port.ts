// Picks the port a service should move to when Windows reserved its own (Hyper-V/winnat excluded ranges): the
// nearest one outside every excluded range, not in use, and not another service's. Pure.
import type { PortRange } from './excluded-ports';

export interface FreePortQuery {
  port: number;
  excluded: readonly PortRange[];
  /** Ports that are taken: the other services' ports, and ports a listener holds. */
  taken: ReadonlySet<number>;
  /** How far to look either way before giving up. */
  span?: number;
}

const excludedBy = (port: number, ranges: readonly PortRange[]) => ranges.some((r) => port >= r.start && port <= r.end);

/** The closest usable port (above first on a tie, so numbers keep their look), or null when none within the span. */
export function nearestFreePort(q: FreePortQuery): number | null {
  const span = q.span ?? 2000;
  const usable = (p: number) => p >= 1 && p <= 65535 && !excludedBy(p, q.excluded) && !q.taken.has(p);
  for (let d = 1; d <= span; d++) {
    if (usable(q.port + d)) return q.port + d;
    if (usable(q.port - d)) return q.port - d;
  }
  return null;
}
