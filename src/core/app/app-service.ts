// The App service: implements the contract by composing core modules; every door talks to this one object.
// The contract's files are imported one by one, not through its index: the index builds every schema of every area,
// and a call needs only its own channel's (call-specs.ts; docs/decisions.md D31).
import type {
  CallInput,
  CallOutput,
  Caller,
  Calls,
  Channel,
  Envelope,
  PushEvent,
  PushListener,
  UpsError,
} from '../contract';
import { callSpecs, channels, isChannel } from '../contract/call-specs';
import { IN_PROCESS_SUBSCRIBER } from '../contract/caller';
import { fromZodError, UpsFailure } from '../contract/envelope';
import { withDefaultAction } from '../contract/fix-action';
import { createMirrorHub } from '../engine/status-mirror-hub';
import { secretRedactor } from '../log/redactor';
import {
  assembleHandlers,
  type AppContext,
  type CallParsedInput,
  type HandlerGroup,
  type Handlers,
} from './app-context';
import type { AppDeps } from './app-deps';
import { areaLoaders, backgroundAreas, channelArea, channelsOf, type AreaName } from './use-case-areas';

export type { AppDeps } from './app-deps';

/**
 * Loads an area and builds its handlers, refusing an area that claims a channel the table gives another area (or
 * misses one of its own): the same guarantee an eager assembly gave at start, checked when the area is first used.
 */
export async function loadArea(area: AreaName, ctx: AppContext): Promise<HandlerGroup> {
  const group = (await areaLoaders[area]())(ctx);
  const claimed = Object.keys(group).sort();
  const expected = channelsOf(area).sort();
  if (claimed.join() !== expected.join())
    throw new Error(
      `Area ${area} handles [${claimed.join(', ')}] but use-case-areas.ts gives it [${expected.join(', ')}].`,
    );
  return group;
}

/** Every area at once, merged: a channel claimed twice or by nobody throws (tests, and doors that want it all). */
export async function loadAllAreas(ctx: AppContext): Promise<Handlers> {
  const areas = Object.keys(areaLoaders) as AreaName[];
  const groups = await Promise.all(areas.map((area) => loadArea(area, ctx)));
  return assembleHandlers(Object.fromEntries(areas.map((area, i) => [area, groups[i]!])), channels);
}

/** An unexpected failure, as every door receives it: no known secret value goes with it (docs/decisions.md D4). */
function internal(channel: Channel, err: unknown): UpsError {
  return {
    code: 'INTERNAL',
    message: secretRedactor.redact(`${channel} failed: ${err instanceof Error ? err.message : String(err)}`),
    fix: 'Try again; if it persists, run the environment checks.',
  };
}

export interface AppService {
  /** Untrusted entry for doors: validates channel and input, never throws. `caller` names the door's live push
   *  subscriber, if any: follow-style calls bind to it and are refused without it. */
  handle(channel: unknown, input: unknown, caller?: Caller): Promise<Envelope<unknown>>;
  /** In-process entry (CLI, tests); the caller defaults to the process itself. */
  call<C extends Channel>(channel: C, input?: CallInput<C>, caller?: Caller): Promise<Envelope<CallOutput<C>>>;
  /** A door's subscriber is gone (stream closed, window destroyed): stops what was bound to it (followed logs).
   *  Settles when those processes have exited. */
  releaseSubscriber(subscriber: string): Promise<void>;
  subscribe(listener: PushListener): () => void;
  /** Core modules publish pushes through this. */
  publish(event: PushEvent): void;
}

export function createAppService(deps: AppDeps): AppService {
  const listeners = new Set<PushListener>();
  const publish = (event: PushEvent) => {
    for (const l of listeners) l(event);
  };
  // The status mirror runs while anyone listens; lifecycle verbs push progress.
  const mirror = createMirrorHub(deps.endpoint.docker, deps.project, publish);
  const releases: ((subscriber: string) => Promise<void>)[] = [];
  const ctx: AppContext = { deps, publish, mirror, onSubscriberGone: (release) => void releases.push(release) };
  // An area is loaded once, on the first call to one of its channels; a failed load is tried again next call.
  const loaded = new Map<AreaName, Promise<HandlerGroup>>();
  const areaGroup = (area: AreaName): Promise<HandlerGroup> => {
    let group = loaded.get(area);
    if (!group) {
      group = loadArea(area, ctx);
      loaded.set(area, group);
      group.catch(() => loaded.delete(area));
    }
    return group;
  };
  const handlerOf = async <C extends Channel>(channel: C) =>
    (await areaGroup(channelArea[channel]))[channel] as (i: CallParsedInput<C>, c: Caller) => Promise<CallOutput<C>>;

  /** Every failure leaves with something to press when its code has a default action (docs/decisions.md D15). */
  async function dispatch<C extends Channel>(
    channel: C,
    rawInput: unknown,
    caller: Caller,
  ): Promise<Envelope<CallOutput<C>>> {
    const res = await run(channel, rawInput, caller);
    return res.ok ? res : { ok: false, error: withDefaultAction(res.error) };
  }

  async function run<C extends Channel>(
    channel: C,
    rawInput: unknown,
    caller: Caller,
  ): Promise<Envelope<CallOutput<C>>> {
    let spec: Calls[C];
    try {
      spec = await callSpecs[channel]();
    } catch (err) {
      return { ok: false, error: internal(channel, err) };
    }
    const input = spec.input.safeParse(rawInput ?? {});
    if (!input.success) return { ok: false, error: fromZodError(input.error, 'input') };
    try {
      const handler = await handlerOf(channel);
      const value = await handler(input.data as CallParsedInput<C>, caller);
      // Our own output is checked too: a door must never receive a shape the contract does not promise.
      const out = spec.output.safeParse(value);
      if (!out.success)
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `${channel} produced an invalid answer: ${out.error.issues[0]?.message}`,
          },
        };
      return { ok: true, value: out.data as CallOutput<C> };
    } catch (err) {
      // Errors leave through every door: whatever produced them, no known secret value goes with them (docs/decisions.md D4).
      if (err instanceof UpsFailure) return { ok: false, error: secretRedactor.redactDeep(err.error) };
      return { ok: false, error: internal(channel, err) };
    }
  }

  return {
    handle(channel, input, caller = {}) {
      if (!isChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'UNKNOWN_CHANNEL',
            message: `Unknown channel ${JSON.stringify(channel)}.`,
            field: 'channel',
            fix: `Use one of: ${channels.join(', ')}.`,
          },
        });
      }
      return dispatch(channel, input, caller);
    },
    call: (channel, input, caller = { subscriber: IN_PROCESS_SUBSCRIBER }) => dispatch(channel, input ?? {}, caller),
    releaseSubscriber: async (subscriber) => void (await Promise.all(releases.map((release) => release(subscriber)))),
    subscribe(listener) {
      listeners.add(listener);
      // Areas with work of their own while a door listens (VPN watch and recovery) must not wait for a first call.
      // A failed load is not lost: the next call to that area loads it again and reports the error.
      for (const area of backgroundAreas) areaGroup(area).catch(() => undefined);
      mirror.subscribersChanged(listeners.size);
      return () => {
        const removed = listeners.delete(listener);
        mirror.subscribersChanged(listeners.size);
        return removed;
      };
    },
    publish,
  };
}
