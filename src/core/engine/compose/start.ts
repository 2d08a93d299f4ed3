// `compose start [service…]`: starts existing containers; it does not create missing ones (that is `up`).
import { createProgressTracker } from './progress-parser';
import { runCompose, type ComposeTarget } from './compose-runner';
import { newOperationId, type VerbOptions } from './verb-options';

export async function composeStart(target: ComposeTarget, services: readonly string[], opts: VerbOptions & { expected?: number } = {}): Promise<void> {
  const onLine = opts.onProgress ? createProgressTracker(opts.operationId ?? newOperationId('start'), 'start', opts.expected ?? services.length, opts.onProgress) : undefined;
  await runCompose(target, 'start', [...services], { onLine, timeoutMs: 10 * 60_000 });
}
