// Followed service logs, each bound to the subscriber that asked for it: capped per subscriber and overall, and
// stopped when that subscriber goes, so no `compose logs --follow` outlives the window or stream that reads it.
import { randomUUID } from 'node:crypto';
import { UpsFailure, type LogsFollowResult, type PushEvent } from '../../contract';

export interface FollowStream {
  stop(): void;
  /** Settles when the follow process has exited. */
  done: Promise<void>;
}

export interface LogFollowsDeps {
  /** Starts one follow process (e.g. Lifecycle.follow); lines go to onLine until stop() or the log ends. */
  start(service: string, tail: number, onLine: (line: string) => void): Promise<FollowStream>;
  publish(event: PushEvent): void;
  /** Live follows one subscriber may hold (default 4): a window shows a few logs at once, not dozens. */
  perSubscriber?: number;
  /** Live follows across all subscribers (default 16): each is a compose process of tens of MB. */
  total?: number;
}

export interface LogFollows {
  /** Starts following for `subscriber`; refuses without one, or past a cap (LIMIT_REACHED naming the limit). */
  follow(subscriber: string | undefined, service: string, tail: number): Promise<LogsFollowResult>;
  /** Stops one of the subscriber's own streams; another subscriber's stream id answers false. */
  unfollow(subscriber: string | undefined, streamId: string): boolean;
  /** The subscriber is gone: stops all its streams; settles when their processes have exited. */
  release(subscriber: string): Promise<number>;
  /** Live (not yet stopped) follows, of one subscriber or of all. */
  count(subscriber?: string): number;
}

export const DEFAULT_FOLLOWS_PER_SUBSCRIBER = 4;
export const DEFAULT_FOLLOWS_TOTAL = 16;

interface Entry {
  subscriber: string;
  stream?: FollowStream;
  stopped: boolean;
  /** Settles once the process is gone (or never started). */
  gone: Promise<void>;
}

export function createLogFollows(deps: LogFollowsDeps): LogFollows {
  const perSubscriber = deps.perSubscriber ?? DEFAULT_FOLLOWS_PER_SUBSCRIBER;
  const total = deps.total ?? DEFAULT_FOLLOWS_TOTAL;
  const entries = new Map<string, Entry>();
  const live = (subscriber?: string) => [...entries.values()].filter((e) => !e.stopped && (subscriber === undefined || e.subscriber === subscriber)).length;
  const stop = (e: Entry) => {
    e.stopped = true;
    // A stream still starting is stopped as soon as its process exists (see follow).
    e.stream?.stop();
  };

  return {
    async follow(subscriber, service, tail) {
      if (!subscriber) {
        throw new UpsFailure({
          code: 'BAD_INPUT',
          message: 'stack.logs.follow needs a live push subscriber to send the lines to, and this call came without one.',
          field: 'subscriber',
          fix: 'Subscribe to pushes first. In a browser: open the event stream with ?subscriber=<id> and send the same id in the x-ups-subscriber header.',
        });
      }
      const mine = live(subscriber);
      if (mine >= perSubscriber) {
        throw new UpsFailure({
          code: 'LIMIT_REACHED',
          message: `At most ${perSubscriber} logs can be followed at once from one window, and this one already follows ${mine}.`,
          fix: 'Stop following one of them (close its log view, or stack.logs.unfollow) before following another.',
        });
      }
      if (live() >= total) {
        throw new UpsFailure({
          code: 'LIMIT_REACHED',
          message: `At most ${total} logs can be followed at once in all windows together, and that many are followed now.`,
          fix: 'Close a log view in another window or browser tab, then try again.',
        });
      }
      const streamId = randomUUID();
      const push = (extra: { line?: string; ended?: boolean }) => deps.publish({ type: 'log', streamId, service, ...extra });
      let settle!: () => void;
      // The slot is taken before the first await, so concurrent calls cannot all pass the cap check.
      const entry: Entry = { subscriber, stopped: false, gone: new Promise<void>((r) => (settle = r)) };
      entries.set(streamId, entry);
      let stream: FollowStream;
      try {
        stream = await deps.start(service, tail, (line) => push({ line }));
      } catch (err) {
        entries.delete(streamId);
        settle();
        throw err;
      }
      entry.stream = stream;
      if (entry.stopped) stream.stop(); // released while starting: the process must not outlive its subscriber
      void stream.done
        .catch(() => undefined)
        .finally(() => {
          entries.delete(streamId);
          settle();
          push({ ended: true });
        });
      return { streamId, service };
    },
    unfollow(subscriber, streamId) {
      const entry = entries.get(streamId);
      if (!entry || entry.stopped || entry.subscriber !== subscriber) return false;
      stop(entry);
      return true;
    },
    async release(subscriber) {
      const mine = [...entries.values()].filter((e) => e.subscriber === subscriber);
      for (const e of mine) stop(e);
      await Promise.all(mine.map((e) => e.gone));
      return mine.length;
    },
    count: (subscriber) => live(subscriber),
  };
}
