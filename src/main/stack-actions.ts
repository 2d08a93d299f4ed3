// Tray lifecycle actions run in main through the App service, so they work with no window open.
import type { Envelope, LifecycleResult, UpsError } from '../core/contract';

export type StackVerb = 'start' | 'stop' | 'restart';

/** The one App service entry this needs (AppService['call'] fits it). */
export type LifecycleCall = (
  channel: `stack.${StackVerb}`,
  input: Record<string, never>,
) => Promise<Envelope<LifecycleResult>>;

/** Runs `stack.<verb>` on every service; a failure goes to onError (the tray shows it) and answers false. */
export async function runStackVerb(
  core: { call: LifecycleCall },
  verb: StackVerb,
  onError: (error: UpsError) => void,
): Promise<boolean> {
  const result = await core.call(`stack.${verb}`, {});
  if (!result.ok) onError(result.error);
  return result.ok;
}
