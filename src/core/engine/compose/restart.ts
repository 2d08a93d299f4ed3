// `compose restart [service…]`: restarts containers in place (same container, same config).
import { createProgressTracker } from './progress-parser';
import { runCompose, type ComposeTarget } from './compose-runner';
import { newOperationId, type VerbOptions } from './verb-options';

export async function composeRestart(target: ComposeTarget, services: readonly string[], opts: VerbOptions & { expected?: number } = {}): Promise<void> {
  const onLine = opts.onProgress ? createProgressTracker(opts.operationId ?? newOperationId('restart'), 'restart', opts.expected ?? services.length, opts.onProgress) : undefined;
  await runCompose(target, 'restart', ['--timeout', '20', ...services], { onLine, timeoutMs: 10 * 60_000 });
}
