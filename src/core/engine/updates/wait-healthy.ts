// Waits until the named services run and report healthy (or run without a healthcheck); fails fast on "unhealthy"
// or an exited container, so a bad image is rolled back without waiting out the whole timeout.
import type Docker from 'dockerode';
import { projectContainers } from '../vpn-dependents';

export interface HealthOutcome {
  healthy: string[];
  failed: { service: string; reason: string }[];
}

export async function waitHealthy(
  docker: Docker,
  project: string,
  services: string[],
  timeoutMs: number,
): Promise<HealthOutcome> {
  const until = Date.now() + timeoutMs;
  const settled = new Map<string, string | null>();
  while (settled.size < services.length) {
    const all = await projectContainers(docker, project);
    for (const s of services) {
      if (settled.has(s)) continue;
      const c = all.find((x) => x.service === s);
      if (!c) continue;
      if (!c.running) settled.set(s, 'the container is not running');
      else if (c.health === 'unhealthy') settled.set(s, 'its healthcheck reports unhealthy');
      else if (c.health === 'healthy' || c.health === undefined) settled.set(s, null);
    }
    if (settled.size < services.length) {
      if (Date.now() > until) {
        for (const s of services)
          if (!settled.has(s)) settled.set(s, `not healthy within ${Math.round(timeoutMs / 1000)} s`);
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const failed = [...settled]
    .filter(([, why]) => why !== null)
    .map(([service, reason]) => ({ service, reason: reason as string }));
  return { healthy: [...settled].filter(([, why]) => why === null).map(([s]) => s), failed };
}
