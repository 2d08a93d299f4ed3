// The stack's status: its own area because it is the call made most often and from the lightest door (`ups status`,
// the tray): loading it must not load the rest of the core (docs/decisions.md D31).
import { engineUnreachable } from '../../engine/docker-facts';
import type { MirrorHub } from '../../engine/status-mirror-hub';
import { readStackStatus } from '../../engine/stack-status';
import type { AppDeps } from '../app-deps';
import type { AppContext, HandlerGroup } from '../app-context';

/** The mirror's copy while a door listens, else one engine call (the endpoint's own list, no dockerode, when it has one). */
export async function readStatus(deps: AppDeps, mirror: MirrorHub) {
  const mirrored = mirror.current();
  if (mirrored) return mirrored;
  try {
    const list = deps.endpoint.listContainers;
    return await readStackStatus(
      list
        ? { listContainers: list, getContainer: (id) => deps.endpoint.docker.getContainer(id) }
        : deps.endpoint.docker,
      deps.project,
    );
  } catch (err) {
    throw engineUnreachable(deps.endpoint, deps.platform, err);
  }
}

export const statusHandlers = ({ deps, mirror }: AppContext): HandlerGroup => ({
  'stack.status': () => readStatus(deps, mirror),
});
