// `compose up -d [service…]`: creates/starts the stack or the named services (and what they depend on).
// Compose v2 that writes JSON progress (compose-features.ts) is read as JSON; v1 and older v2 keep the text parser.
import { composeFeatures } from './compose-features';
import { createJsonUpTracker } from './json-progress';
import { createProgressTracker } from './progress-parser';
import { runCompose, type ComposeTarget } from './compose-runner';
import { newOperationId, type VerbOptions } from './verb-options';

export interface UpOptions extends VerbOptions {
  /** Recreate even if the config is unchanged (VPN recovery, update rollback). */
  forceRecreate?: boolean;
  /** Leave dependencies alone (recreating dependents of `vpn` must not touch `vpn`). */
  noDeps?: boolean;
  /**
   * Return only once the services run (or are healthy, where they have a healthcheck), where the installed Compose
   * has `up --wait`; it then exits non-zero when one turns unhealthy. Callers that wait for health themselves, to
   * roll back or report per service (bring-up, updates, VPN recovery), leave it off.
   */
  wait?: boolean;
  expected?: number;
}

export async function composeUp(
  target: ComposeTarget,
  services: readonly string[],
  opts: UpOptions = {},
): Promise<void> {
  const features = composeFeatures(target.compose);
  const wait = Boolean(opts.wait && features.wait);
  // JSON only when someone reads the progress: otherwise the output is kept for error messages, best as text.
  const json = features.jsonProgress && Boolean(opts.onProgress);
  const args = [
    '-d',
    ...(wait ? ['--wait'] : []),
    ...(opts.forceRecreate ? ['--force-recreate'] : []),
    ...(opts.noDeps ? ['--no-deps'] : []),
  ];
  const operationId = opts.operationId ?? newOperationId('up');
  const expected = opts.expected ?? services.length;
  const onLine = opts.onProgress
    ? json
      ? createJsonUpTracker(operationId, expected, wait, opts.onProgress)
      : createProgressTracker(operationId, 'up', expected, opts.onProgress)
    : undefined;
  await runCompose(target, 'up', [...args, ...services], {
    onLine,
    timeoutMs: 15 * 60_000,
    globalArgs: json ? ['--progress', 'json'] : [],
  });
}
