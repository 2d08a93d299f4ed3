// Reads the stack's containers by compose labels and folds them into a StackStatus.
import type Docker from 'dockerode';
import type { OverallState, ServiceStatus, StackStatus } from '../contract';
import { ContainerStateSchema } from '../contract/stack-status';

export const PROJECT_LABEL = 'com.docker.compose.project';
export const SERVICE_LABEL = 'com.docker.compose.service';

/** What the status read needs from the engine: dockerode fits, and so does the endpoint's own one-GET list. */
export interface ContainerReader {
  listContainers(opts: { all?: boolean; filters?: Record<string, string[]> }): Promise<Docker.ContainerInfo[]>;
  getContainer(id: string): { inspect(): Promise<{ State: { StartedAt: string } }> };
}

export async function readStackStatus(
  docker: ContainerReader,
  project: string,
  now: () => Date = () => new Date(),
  opts: { startTimes?: boolean } = {},
): Promise<StackStatus> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${PROJECT_LABEL}=${project}`] } });
  const services = list
    .map(toServiceStatus)
    .sort((a, b) => a.service.localeCompare(b.service) || a.containerName.localeCompare(b.containerName));
  if (opts.startTimes) await addStartTimes(docker, services);
  return { project, overall: overallOf(services), services, observedAt: now().toISOString() };
}

/** The list call has no start time; one inspect per running container gives it (the mirror pays this on change only). */
async function addStartTimes(docker: ContainerReader, services: ServiceStatus[]): Promise<void> {
  await Promise.all(
    services
      .filter((s) => s.state === 'running')
      .map(async (s) => {
        try {
          const started = (await docker.getContainer(s.containerId).inspect()).State.StartedAt;
          if (started && !started.startsWith('0001-')) s.startedAt = started;
        } catch {
          // Removed between list and inspect: the next event refreshes it.
        }
      }),
  );
}

export function toServiceStatus(c: Docker.ContainerInfo): ServiceStatus {
  const state = ContainerStateSchema.safeParse(c.State);
  return {
    service: c.Labels[SERVICE_LABEL] ?? c.Names[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12),
    containerId: c.Id,
    containerName: c.Names[0]?.replace(/^\//, '') ?? '',
    state: state.success ? state.data : 'unknown',
    health: healthFromStatus(c.Status),
    image: c.Image,
    statusText: c.Status,
    createdAt: new Date(c.Created * 1000).toISOString(),
    ...(c.ImageID ? { imageId: c.ImageID } : {}),
    ...(c.Ports?.length ? { ports: publishedPorts(c.Ports) } : {}),
  };
}

/** The list API carries health only inside the human status, e.g. "Up 3 minutes (healthy)". */
export function healthFromStatus(status: string): ServiceStatus['health'] {
  if (/\(healthy\)/.test(status)) return 'healthy';
  if (/\(unhealthy\)/.test(status)) return 'unhealthy';
  if (/\(health: starting\)/.test(status)) return 'starting';
  return 'none';
}

export function overallOf(services: ServiceStatus[]): OverallState {
  if (services.length === 0) return 'not-installed';
  const up = services.filter((s) => s.state === 'running' && (s.health === 'healthy' || s.health === 'none'));
  if (up.length === services.length) return 'running';
  if (services.every((s) => s.state !== 'running')) return 'stopped';
  return 'degraded';
}

/** Only ports published on the host, as `ip:public->private/type`, sorted and de-duplicated (IPv4 and IPv6 binds). */
export function publishedPorts(ports: Docker.Port[]): string[] {
  const out = ports
    .filter((p) => p.PublicPort)
    .map((p) => `${p.IP ?? ''}${p.IP ? ':' : ''}${p.PublicPort}->${p.PrivatePort}/${p.Type}`);
  return [...new Set(out)].sort();
}
