// The lifecycle facade the App service calls: resolve the target, reject unknown services, run the verb, push progress.
import type { PushEvent } from '../../contract';
import type { LifecycleResult, LifecycleVerb } from '../../contract/engine';
import { UpsFailure } from '../../contract';
import { ComposeError } from './compose-error';
import { resolveTarget, type TargetDeps } from './compose-target';
import type { ComposeTarget } from './compose-runner';
import { composeDown } from './down';
import { composeLogs, followLogs } from './logs';
import { composePull } from './pull';
import { composeRestart } from './restart';
import { assertServices } from './services';
import { composeStart } from './start';
import { composeStop } from './stop';
import { composeUp } from './up';
import { newOperationId, type VerbOptions } from './verb-options';

export interface LifecycleDeps extends TargetDeps {
  publish(event: PushEvent): void;
}

export interface Lifecycle {
  /** `operationId` is the caller's id for the progress pushes; without one a fresh id is made. */
  run(verb: LifecycleVerb, services: readonly string[], operationId?: string): Promise<LifecycleResult>;
  logs(service: string, tail: number): Promise<string>;
  /** Starts following a service's log; lines go to `onLine` until `stop()` or the service's log ends. */
  follow(service: string, tail: number, onLine: (line: string) => void): Promise<{ stop(): void; done: Promise<void> }>;
  target(): Promise<ComposeTarget>;
}

/** Compose failures become envelope errors carrying the (redacted) output; anything else passes through. */
export async function asEnvelopeFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ComposeError) throw new UpsFailure(err.upsError);
    throw err;
  }
}

export function createLifecycle(deps: LifecycleDeps): Lifecycle {
  const target = () => resolveTarget(deps);
  return {
    target,
    run: (verb, services, given) =>
      asEnvelopeFailure(async () => {
        const t = await target();
        const known = await assertServices(t, services);
        const operationId = given ?? newOperationId(verb);
        const opts: VerbOptions & { expected: number } = {
          operationId,
          expected: services.length || known.length,
          onProgress: (progress) => deps.publish({ type: 'progress', progress }),
        };
        // The lifecycle's up has no health wait of its own: where Compose can, it waits (and fails) itself.
        if (verb === 'up') await composeUp(t, services, { ...opts, wait: true });
        else if (verb === 'down') await composeDown(t, opts);
        else if (verb === 'start') await composeStart(t, services, opts);
        else if (verb === 'stop') await composeStop(t, services, opts);
        else if (verb === 'restart') await composeRestart(t, services, opts);
        else await composePull(t, services, opts);
        return { verb, services: [...services], operationId };
      }),
    logs: (service, tail) =>
      asEnvelopeFailure(async () => {
        const t = await target();
        await assertServices(t, [service]);
        return composeLogs(t, service, tail);
      }),
    follow: (service, tail, onLine) =>
      asEnvelopeFailure(async () => {
        const t = await target();
        await assertServices(t, [service]);
        return followLogs(t, service, tail, onLine);
      }),
  };
}
