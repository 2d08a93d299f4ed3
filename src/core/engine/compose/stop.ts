// `compose stop [service…]`: stops containers and keeps them (and their config) for `start`.
import { createProgressTracker } from './progress-parser';
import { runCompose, type ComposeTarget } from './compose-runner';
import { newOperationId, type VerbOptions } from './verb-options';

export async function composeStop(target: ComposeTarget, services: readonly string[], opts: VerbOptions & { expected?: number } = {}): Promise<void> {
  const onLine = opts.onProgress ? createProgressTracker(opts.operationId ?? newOperationId('stop'), 'stop', opts.expected ?? services.length, opts.onProgress) : undefined;
  await runCompose(target, 'stop', ['--timeout', '20', ...services], { onLine, timeoutMs: 10 * 60_000 });
}
