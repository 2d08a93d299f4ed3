// Tray lifecycle actions run in main through the App service, so they work with no window open.
import type { Envelope, LifecycleResult, UpsError } from '../core/contract';

export type StackVerb = 'start' | 'stop' | 'restart';

/** The one App service entry this needs (AppService['call'] fits it). */
export type LifecycleCall = (
  channel: `stack.${StackVerb}`,
  input: Record<string, never>,
) => Promise<Envelope<LifecycleResult>>;

/** A yes/no question the user answers (main: a native message box) before a disruptive verb runs. */
export interface ConfirmQuestion {
  title: string;
  /** What will happen, in plain words. */
  message: string;
  /** The verb on the yes button. */
  yes: string;
}
export type AskConfirm = (q: ConfirmQuestion) => Promise<boolean>;

/** Stop and restart interrupt every app: the tray asks first and says what happens. */
export const stackVerbConfirm: Partial<Record<StackVerb, ConfirmQuestion>> = {
  stop: {
    title: 'Stop the stack?',
    message:
      'Every app stops: Plex stops playing, downloads stop and your apps cannot be opened until you start the stack again.',
    yes: 'Stop stack',
  },
  restart: {
    title: 'Restart the stack?',
    message: 'Every app restarts: Plex stops playing and downloads pause for about a minute.',
    yes: 'Restart stack',
  },
};

/**
 * Runs `stack.<verb>` on every service once the user agreed (stop and restart ask through `confirm`); a failure goes
 * to onError (the tray shows it). Answers false when it failed or the user said no.
 */
export async function runStackVerb(
  core: { call: LifecycleCall },
  verb: StackVerb,
  onError: (error: UpsError) => void,
  confirm: AskConfirm,
): Promise<boolean> {
  const question = stackVerbConfirm[verb];
  if (question && !(await confirm(question))) return false;
  const result = await core.call(`stack.${verb}`, {});
  if (!result.ok) onError(result.error);
  return result.ok;
}
