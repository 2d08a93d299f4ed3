// The App service: implements the contract by composing core modules; every door talks to this one object.
import type { Caller, Envelope, PushEvent, PushListener } from '../contract';
import {
  calls,
  fromZodError,
  IN_PROCESS_SUBSCRIBER,
  isChannel,
  UpsFailure,
  withDefaultAction,
  type CallInput,
  type CallOutput,
  type Channel,
} from '../contract';
import { createMirrorHub } from '../engine/status-mirror-hub';
import { secretRedactor } from '../log/redactor';
import { assembleHandlers, type AppContext, type CallParsedInput, type HandlerGroup } from './app-context';
import type { AppDeps } from './app-deps';
import { appSettingsHandlers } from './handlers/app-settings';
import { appUpdateHandlers } from './handlers/app-update';
import { basicHandlers } from './handlers/basics';
import { configHandlers } from './handlers/config';
import { diagnosticsHandlers } from './handlers/diagnostics';
import { engineHandlers } from './handlers/engine';
import { loginHandlers } from './handlers/logins';
import { migrateHandlers } from './handlers/migrate';
import { plexHandlers } from './handlers/plex';
import { stackHandlers } from './handlers/stack';
import { stackSettingsHandlers } from './handlers/stack-settings';
import { vpnHandlers } from './handlers/vpn';
import { webPortHandlers } from './handlers/web-ports';
import { wiringHandlers } from './handlers/wiring';
import { arrConfigHandlers } from './handlers/arr-config';

export type { AppDeps } from './app-deps';

/** Every area of use cases; each claims its channels, and the service refuses to start on a duplicate or a gap. */
export const useCaseAreas: Record<string, (ctx: AppContext) => HandlerGroup> = {
  basics: basicHandlers,
  engine: engineHandlers,
  stack: stackHandlers,
  config: configHandlers,
  stackSettings: stackSettingsHandlers,
  migrate: migrateHandlers,
  wiring: wiringHandlers,
  plex: plexHandlers,
  appUpdate: appUpdateHandlers,
  appSettings: appSettingsHandlers,
  vpn: vpnHandlers,
  diagnostics: diagnosticsHandlers,
  logins: loginHandlers,
  webPorts: webPortHandlers,
  arrConfig: arrConfigHandlers,
};

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
  const handlers = assembleHandlers(
    Object.fromEntries(Object.entries(useCaseAreas).map(([area, build]) => [area, build(ctx)])),
    Object.keys(calls) as Channel[],
  );

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
    const spec = calls[channel];
    const input = spec.input.safeParse(rawInput ?? {});
    if (!input.success) return { ok: false, error: fromZodError(input.error, 'input') };
    try {
      const value = await (handlers[channel] as (i: CallParsedInput<C>, c: Caller) => Promise<CallOutput<C>>)(
        input.data as CallParsedInput<C>,
        caller,
      );
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
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: secretRedactor.redact(`${channel} failed: ${err instanceof Error ? err.message : String(err)}`),
          fix: 'Try again; if it persists, run the environment checks.',
        },
      };
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
            fix: `Use one of: ${Object.keys(calls).join(', ')}.`,
          },
        });
      }
      return dispatch(channel, input, caller);
    },
    call: (channel, input, caller = { subscriber: IN_PROCESS_SUBSCRIBER }) => dispatch(channel, input ?? {}, caller),
    releaseSubscriber: async (subscriber) => void (await Promise.all(releases.map((release) => release(subscriber)))),
    subscribe(listener) {
      listeners.add(listener);
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
