// The switch's StackPort over the engine's compose runner (src/core/engine/compose: stop, up -d, with the vault's
// secrets only in the child environment) and the engine's container list for "all running and healthy".
import type Docker from 'dockerode';
import type { ComposeTarget } from '../engine/compose/compose-runner';
import { composeStop } from '../engine/compose/stop';
import { composeUp } from '../engine/compose/up';
import { readStackStatus } from '../engine/stack-status';
import type { StackPort } from './switch';

export interface ComposeStackOptions {
  /** What every compose verb runs against (compose variant, project, file, secrets), e.g. from resolveTarget. */
  target: ComposeTarget;
  docker: Docker;
  healthTimeoutMs?: number;
}

export function composeStack(o: ComposeStackOptions): StackPort {
  return {
    stop: () => composeStop(o.target, []),
    // `up -d` (not `start`): services whose mounts changed must be recreated from the new compose.yaml.
    start: () => composeUp(o.target, []),
    async waitHealthy() {
      const deadline = Date.now() + (o.healthTimeoutMs ?? 120_000);
      let last = '';
      while (Date.now() < deadline) {
        const s = await readStackStatus(o.docker, o.target.project);
        const bad = s.services.filter((x) => x.state !== 'running' || (x.health !== 'healthy' && x.health !== 'none'));
        if (s.services.length > 0 && bad.length === 0) return;
        const dead = bad.filter((x) => x.state === 'exited' || x.state === 'dead' || x.health === 'unhealthy');
        if (dead.length > 0)
          throw new Error(
            `not healthy: ${dead.map((x) => `${x.service} (${x.health === 'unhealthy' ? 'unhealthy' : x.state})`).join(', ')}`,
          );
        last = bad.map((x) => `${x.service} (${x.state}/${x.health})`).join(', ');
        await new Promise((r) => setTimeout(r, 500));
      }
      throw new Error(`still not healthy after ${Math.round((o.healthTimeoutMs ?? 120_000) / 1000)} s: ${last}`);
    },
  };
}
