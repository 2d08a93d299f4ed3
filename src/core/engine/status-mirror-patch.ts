// Applies an engine event to the mirrored status at once, before the confirming list: right after a container dies
// the engine can take most of a second (network and mount teardown) to answer a list, and the push must not wait.
import type { ServiceStatus, StackStatus } from '../contract';
import { overallOf } from './stack-status';
import type { EngineEvent } from './status-mirror-events';

/** The status with the event applied, or null when the event needs a full list (unknown container, create, …). */
export function patchStatus(s: StackStatus, e: EngineEvent, now: Date = new Date()): StackStatus | null {
  const i = s.services.findIndex((x) => x.containerId === e.containerId);
  const cur = s.services[i];
  if (!cur) return null;
  let next: ServiceStatus;
  if (e.action === 'die') next = { ...cur, state: 'exited', health: 'none', statusText: 'Exited' };
  else if (e.action.startsWith('health_status: ')) {
    const h = e.action.slice('health_status: '.length);
    if (h !== 'healthy' && h !== 'unhealthy' && h !== 'starting') return null;
    next = {
      ...cur,
      health: h,
      statusText: cur.statusText.replace(
        /\((healthy|unhealthy|health: starting)\)/,
        h === 'starting' ? '(health: starting)' : `(${h})`,
      ),
    };
  } else return null;
  const services = s.services.map((x, j) => (j === i ? next : x));
  return { ...s, services, overall: overallOf(services), observedAt: now.toISOString() };
}
