// The engine's share of the App service: one handler per engine channel, built from the App's deps.
import type { PushEvent } from '../../contract';
import type { LifecycleResult, LifecycleVerb, LogsResult } from '../../contract/engine';
import { createLifecycle, type LifecycleDeps } from './lifecycle';

export type EngineHandlerDeps = Omit<LifecycleDeps, 'publish'>;

export function createEngineHandlers(deps: EngineHandlerDeps, publish: (e: PushEvent) => void) {
  const lifecycle = createLifecycle({ ...deps, publish });
  const verb = (v: LifecycleVerb) => (input: { services: string[] }): Promise<LifecycleResult> => lifecycle.run(v, input.services);
  return {
    lifecycle,
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
