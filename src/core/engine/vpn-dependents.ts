// Finds the VPN container and the containers that share its network namespace (network_mode: service:vpn, which
// the engine records as `container:<id>`), and says which of them hold a stale namespace.
import type Docker from 'dockerode';
import { PROJECT_LABEL, SERVICE_LABEL } from './stack-status';
import { netNamespace } from './vpn-exec';

export interface ProjectContainer {
  id: string;
  service: string;
  running: boolean;
  health: string | undefined;
  networkMode: string;
}

export async function projectContainers(docker: Docker, project: string): Promise<ProjectContainer[]> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${PROJECT_LABEL}=${project}`] } });
  const out: ProjectContainer[] = [];
  for (const c of list) {
    const info = await docker
      .getContainer(c.Id)
      .inspect()
      .catch(() => null);
    if (!info) continue;
    out.push({
      id: info.Id,
      service: info.Config.Labels[SERVICE_LABEL] ?? info.Name.replace(/^\//, ''),
      running: info.State.Running,
      health: info.State.Health?.Status,
      networkMode: info.HostConfig.NetworkMode ?? '',
    });
  }
  return out;
}

export interface NamespaceReport {
  vpn: ProjectContainer;
  vpnNamespace: string;
  /** Running dependents whose namespace is not the VPN's (or that point at an older VPN container). */
  stale: ProjectContainer[];
  /** Running dependents already sharing the VPN's namespace. */
  shared: ProjectContainer[];
}

export function dependentsOf(all: ProjectContainer[], vpnService: string): ProjectContainer[] {
  return all.filter((c) => c.service !== vpnService && c.networkMode.startsWith('container:'));
}

export async function inspectNamespaces(
  docker: Docker,
  project: string,
  vpnService = 'vpn',
): Promise<NamespaceReport | null> {
  const all = await projectContainers(docker, project);
  const vpn = all.find((c) => c.service === vpnService && c.running);
  if (!vpn) return null;
  const vpnNamespace = await netNamespace(docker, vpn.id);
  const stale: ProjectContainer[] = [];
  const shared: ProjectContainer[] = [];
  for (const d of dependentsOf(all, vpnService).filter((c) => c.running)) {
    if (d.networkMode !== `container:${vpn.id}`) {
      stale.push(d);
      continue;
    }
    const ns = await netNamespace(docker, d.id).catch(() => '');
    (ns === vpnNamespace ? shared : stale).push(d);
  }
  return { vpn, vpnNamespace, stale, shared };
}
