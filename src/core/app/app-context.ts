// What every use case (app/handlers/<area>.ts) receives, and the shape they return: a part of the call map.
import type { z } from 'zod';
import type { Caller, calls, CallOutput, Channel, PushEvent } from '../contract';
import type { MirrorHub } from '../engine/status-mirror-hub';
import type { AppDeps } from './app-deps';

export type CallParsedInput<C extends Channel> = z.infer<(typeof calls)[C]['input']>;
/** The caller comes from the door (its live subscriber), never from the payload; most handlers ignore it. */
export type Handlers = { [C in Channel]: (input: CallParsedInput<C>, caller: Caller) => Promise<CallOutput<C>> };
export type HandlerGroup = Partial<Handlers>;

export interface AppContext {
  deps: AppDeps;
  publish(event: PushEvent): void;
  /** The engine's status mirror: live while any door listens. */
  mirror: MirrorHub;
  /** Work bound to a door's subscriber registers here and is stopped when that subscriber goes. */
  onSubscriberGone(release: (subscriber: string) => Promise<void>): void;
}

/** Merges the areas' handlers; a channel claimed twice or by nobody stops the App service from starting. */
export function assembleHandlers(groups: Record<string, HandlerGroup>, channels: readonly Channel[]): Handlers {
  const owner = new Map<string, string>();
  const merged: Record<string, unknown> = {};
  for (const [area, group] of Object.entries(groups)) {
    for (const [channel, handler] of Object.entries(group)) {
      const first = owner.get(channel);
      if (first) throw new Error(`Channel ${channel} is handled twice (by ${first} and by ${area}).`);
      owner.set(channel, area);
      merged[channel] = handler;
    }
  }
  const missing = channels.filter((c) => !owner.has(c));
  if (missing.length) throw new Error(`No handler for ${missing.join(', ')}.`);
  return merged as Handlers;
}
