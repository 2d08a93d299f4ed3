// The engine's share of the App service: one handler per engine channel, built from the App's deps, plus the
// background work that rides on the status mirror's events (VPN recovery).
import type { PushEvent } from '../../contract';
import type { LifecycleResult, LifecycleVerb, LogsResult } from '../../contract/engine';
import type { MirrorHub } from '../status-mirror-hub';
import { createVpnRecovery } from '../vpn-recovery';
import { createLifecycle, type LifecycleDeps } from './lifecycle';

export type EngineHandlerDeps = Omit<LifecycleDeps, 'publish'>;

export function createEngineHandlers(deps: EngineHandlerDeps, publish: (e: PushEvent) => void, hub?: Pick<MirrorHub, 'onEvent'>) {
  const lifecycle = createLifecycle({ ...deps, publish });
  const recovery = createVpnRecovery({ docker: deps.endpoint.docker, project: deps.project, target: lifecycle.target, publish });
  hub?.onEvent((e) => recovery.onEvent(e));
  const verb = (v: LifecycleVerb) => (input: { services: string[] }): Promise<LifecycleResult> => lifecycle.run(v, input.services);
  return {
    lifecycle,
    recovery,
    handlers: {
      'stack.up': verb('up'),
      'stack.down': () => lifecycle.run('down', []),
      'stack.start': verb('start'),
      'stack.stop': verb('stop'),
      'stack.restart': verb('restart'),
      'stack.pull': verb('pull'),
      'stack.logs': async (input: { service: string; tail: number }): Promise<LogsResult> => ({ service: input.service, text: await lifecycle.logs(input.service, input.tail) }),
    },
  };
}
