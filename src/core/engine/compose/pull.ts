// `compose pull [service…]`: fetches the images of the stack (or the named services) for their configured tags.
// Compose v2 that writes JSON progress (compose-features.ts) reports bytes; v1 and older v2 keep the text parser.
import { composeFeatures } from './compose-features';
import { createJsonPullTracker } from './json-progress';
import { createProgressTracker } from './progress-parser';
import { runCompose, type ComposeTarget } from './compose-runner';
import { newOperationId, type VerbOptions } from './verb-options';

export async function composePull(
  target: ComposeTarget,
  services: readonly string[],
  opts: VerbOptions & { expected?: number } = {},
): Promise<void> {
  // JSON only when someone reads the progress: otherwise the output is kept for error messages, best as text.
  const json = composeFeatures(target.compose).jsonProgress && Boolean(opts.onProgress);
  const operationId = opts.operationId ?? newOperationId('pull');
  const expected = opts.expected ?? services.length;
  const onLine = opts.onProgress
    ? json
      ? createJsonPullTracker(operationId, expected, opts.onProgress)
      : createProgressTracker(operationId, 'pull', expected, opts.onProgress)
    : undefined;
  await runCompose(target, 'pull', [...services], {
    onLine,
    timeoutMs: 30 * 60_000,
    globalArgs: json ? ['--progress', 'json'] : [],
  });
}
