// `compose down`: removes the stack's containers and network. Never `-v`: named volumes hold every app's config.
import { createProgressTracker } from './progress-parser';
import { runCompose, type ComposeTarget } from './compose-runner';
import { newOperationId, type VerbOptions } from './verb-options';

export async function composeDown(target: ComposeTarget, opts: VerbOptions & { expected?: number } = {}): Promise<void> {
  const onLine = opts.onProgress ? createProgressTracker(opts.operationId ?? newOperationId('down'), 'down', opts.expected ?? 0, opts.onProgress) : undefined;
  await runCompose(target, 'down', ['--timeout', '20'], { onLine, timeoutMs: 10 * 60_000 });
}
