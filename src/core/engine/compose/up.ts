// `compose up -d [service…]`: creates/starts the stack or the named services (and what they depend on).
import { createProgressTracker } from './progress-parser';
import { runCompose, type ComposeTarget } from './compose-runner';
import { newOperationId, type VerbOptions } from './verb-options';

export interface UpOptions extends VerbOptions {
  /** Recreate even if the config is unchanged (VPN recovery, update rollback). */
  forceRecreate?: boolean;
  /** Leave dependencies alone (recreating dependents of `vpn` must not touch `vpn`). */
  noDeps?: boolean;
  expected?: number;
}

export async function composeUp(target: ComposeTarget, services: readonly string[], opts: UpOptions = {}): Promise<void> {
  const args = ['-d', ...(opts.forceRecreate ? ['--force-recreate'] : []), ...(opts.noDeps ? ['--no-deps'] : [])];
  const onLine = opts.onProgress ? createProgressTracker(opts.operationId ?? newOperationId('up'), 'up', opts.expected ?? services.length, opts.onProgress) : undefined;
  await runCompose(target, 'up', [...args, ...services], { onLine, timeoutMs: 15 * 60_000 });
}
