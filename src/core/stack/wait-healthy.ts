// Waits until every container of a compose project is running and healthy, found by label (docs/decisions.md D8), or says which
// service is stuck and why (exited, unhealthy with its last health-check output).
import type Docker from 'dockerode';

export interface ServiceHealth {
  service: string;
  id: string;
  state: string;
  health: string;
}

export async function projectHealth(docker: Docker, project: string): Promise<ServiceHealth[]> {
  const list = await docker.listContainers({
    all: true,
    filters: { label: [`com.docker.compose.project=${project}`] },
  });
  const out: ServiceHealth[] = [];
  for (const c of list) {
    const info = await docker.getContainer(c.Id).inspect();
    out.push({
      service: c.Labels['com.docker.compose.service'] ?? c.Names[0] ?? c.Id,
      id: c.Id,
      state: info.State.Status,
      health: info.State.Health?.Status ?? 'none',
    });
  }
  return out.sort((a, b) => a.service.localeCompare(b.service));
}

export async function waitUntilHealthy(
  docker: Docker,
  project: string,
  services: string[],
  timeoutMs = 180_000,
  pollMs = 1000,
  onPoll?: (states: ServiceHealth[]) => void,
): Promise<ServiceHealth[]> {
  const deadline = Date.now() + timeoutMs;
  let last: ServiceHealth[] = [];
  for (;;) {
    last = await projectHealth(docker, project);
    onPoll?.(last);
    const dead = last.find((s) => s.state === 'exited' || s.state === 'dead');
    if (dead) throw new Error(`${dead.service} stopped (${dead.state}) while the stack was starting: see its log.`);
    const ready = services.every((name) =>
      last.some((s) => s.service === name && s.state === 'running' && (s.health === 'healthy' || s.health === 'none')),
    );
    if (ready) return last;
    if (Date.now() > deadline) {
      const stuck = services.filter((name) => !last.some((s) => s.service === name && s.health === 'healthy'));
      throw new Error(
        `Not healthy after ${Math.round(timeoutMs / 1000)} s: ${stuck.map((n) => `${n} (${last.find((s) => s.service === n)?.health ?? 'missing'})`).join(', ')}.`,
      );
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
