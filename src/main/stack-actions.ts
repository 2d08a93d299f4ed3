// Tray lifecycle actions run in main through the App service, so they work with no window open.
import type { AppService } from '../core/app/app-service';
import type { UpsError } from '../core/contract';

export type StackVerb = 'start' | 'stop' | 'restart';

/**
 * Goes through `handle`, the untrusted entry, on purpose: the lifecycle channels (`stack.start` …) belong to the
 * engine and may not exist in this build yet; an unknown channel then comes back as an envelope error, not a crash.
 */
export async function runStackVerb(core: Pick<AppService, 'handle'>, verb: StackVerb, onError: (error: UpsError) => void): Promise<boolean> {
  const result = await core.handle(`stack.${verb}`, {});
  if (!result.ok && verb === 'restart' && result.error.code === 'UNKNOWN_CHANNEL') {
    // No dedicated restart in the contract: a stop followed by a start is the same thing to the user.
    return (await runStackVerb(core, 'stop', onError)) && runStackVerb(core, 'start', onError);
  }
  if (!result.ok) onError(result.error);
  return result.ok;
}
