// `compose pull [service…]`: fetches the images of the stack (or the named services) for their configured tags.
import { createProgressTracker } from './progress-parser';
import { runCompose, type ComposeTarget } from './compose-runner';
import { newOperationId, type VerbOptions } from './verb-options';

export async function composePull(target: ComposeTarget, services: readonly string[], opts: VerbOptions & { expected?: number } = {}): Promise<void> {
  const onLine = opts.onProgress ? createProgressTracker(opts.operationId ?? newOperationId('pull'), 'pull', opts.expected ?? services.length, opts.onProgress) : undefined;
  await runCompose(target, 'pull', [...services], { onLine, timeoutMs: 30 * 60_000 });
}
