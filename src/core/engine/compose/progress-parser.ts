// Turns compose's line output (v1 and v2, `--ansi never`) into progress steps: which service, which action, done or not.
import type { ProgressEvent } from '../../contract';

export interface ProgressLine {
  /** Service, container or network name as compose printed it. */
  target: string;
  action: string;
  done: boolean;
}

// v1: "Creating ups_vpn_1 ... " then "Creating ups_vpn_1 ... done"; "Pulling vpn ... done".
const V1 = /^(Pulling|Creating|Recreating|Starting|Stopping|Restarting|Removing|Killing)\s+(\S+)\s+\.\.\.\s*(done|error)?\s*$/;
// v2: " Container ups-vpn-1  Started", " vpn Pulled", " Network ups_default  Created".
const V2 = /^\s*(?:[✔✘⠿]\s*)?(?:(Container|Network|Volume)\s+)?(\S+)\s+(Pulling|Pulled|Creating|Created|Recreate|Recreated|Starting|Started|Stopping|Stopped|Restarting|Removing|Removed|Running|Waiting|Healthy|Error)\s*$/;
const V2_DONE = new Set(['Pulled', 'Created', 'Recreated', 'Started', 'Stopped', 'Removed', 'Running', 'Healthy']);

export function parseProgressLine(raw: string): ProgressLine | null {
  const line = raw.replace(/\r/g, '').trimEnd();
  const m1 = V1.exec(line.trim());
  if (m1) return { action: m1[1]!.toLowerCase(), target: m1[2]!, done: m1[3] === 'done' };
  const m2 = V2.exec(line);
  if (m2 && !['Network', 'Volume'].includes(m2[1] ?? '')) return { action: m2[3]!.toLowerCase(), target: m2[2]!, done: V2_DONE.has(m2[3]!) };
  return null;
}

/** Folds parsed lines into ProgressEvents: current = targets finished so far, total = targets expected (grows if compose names more). */
export function createProgressTracker(operationId: string, step: string, expected: number, emit: (e: ProgressEvent) => void) {
  const seen = new Set<string>();
  const finished = new Set<string>();
  return (raw: string): void => {
    const p = parseProgressLine(raw);
    if (!p) return;
    seen.add(p.target);
    if (p.done) finished.add(p.target);
    emit({ operationId, step, current: finished.size, total: Math.max(expected, seen.size), message: `${p.target}: ${p.action}${p.done ? ' done' : ''}` });
  };
}
