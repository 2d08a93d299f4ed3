// The one fake App service for jsdom tests: answers are typed per channel against the contract (a wrong channel or
// shape does not compile), and at run time it refuses what the real dispatcher refuses (unknown channel, bad input,
// an answer outside the output schema) with the same envelopes.
import {
  calls,
  fromZodError,
  isChannel,
  PushEventSchema,
  type CallInput,
  type CallOutput,
  type Channel,
  type Envelope,
  type PushEvent,
  type PushListener,
  type UpsApi,
  type UpsError,
} from '../../core/contract';
import type { z } from 'zod';

/** What the handler of channel C receives: the input after the contract's parse (defaults filled in). */
export type ParsedInput<C extends Channel> = z.infer<(typeof calls)[C]['input']>;

/** A failure answer, as the real handlers throw UpsFailure. */
export class FakeFailure {
  constructor(readonly error: UpsError) {}
}
export const failWith = (error: UpsError): FakeFailure => new FakeFailure(error);

export type FakeAnswer<C extends Channel> = (
  input: ParsedInput<C>,
) => CallOutput<C> | FakeFailure | Promise<CallOutput<C> | FakeFailure>;
export type FakeAnswers = { [C in Channel]?: FakeAnswer<C> };

export interface FakeUps extends UpsApi {
  /** Every call as the screen sent it, in order. */
  readonly log: { channel: string; input: unknown }[];
  /** The inputs sent on one channel, typed. */
  inputs<C extends Channel>(channel: C): CallInput<C>[];
  count(channel: Channel): number;
  /** Replaces or adds answers (e.g. a later call fails). */
  answer(more: FakeAnswers): void;
  /** Delivers a push to every subscriber, as the door would. */
  emit(event: PushEvent): void;
}

export function fakeUps(initial: FakeAnswers = {}): FakeUps {
  const answers: FakeAnswers = { ...initial };
  const listeners = new Set<PushListener>();
  const log: { channel: string; input: unknown }[] = [];
  async function invoke(channel: unknown, input: unknown): Promise<Envelope<unknown>> {
    log.push({ channel: String(channel), input });
    if (!isChannel(channel))
      return {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${JSON.stringify(channel)}.`, field: 'channel' },
      };
    const spec = calls[channel];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: fromZodError(parsed.error, 'input') };
    const handler = answers[channel] as ((i: unknown) => unknown) | undefined;
    if (!handler)
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `The fake App service has no answer for ${channel}.`,
          fix: 'Give the test an answer for this channel.',
        },
      };
    const value = await handler(parsed.data);
    if (value instanceof FakeFailure) return { ok: false, error: value.error };
    const out = spec.output.safeParse(value);
    if (!out.success)
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `${channel} produced an invalid answer: ${out.error.issues[0]?.message}` },
      };
    return { ok: true, value: out.data };
  }
  return {
    log,
    invoke: invoke as UpsApi['invoke'],
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    inputs: <C extends Channel>(channel: C) =>
      log.filter((c) => c.channel === channel).map((c) => c.input as CallInput<C>),
    count: (channel) => log.filter((c) => c.channel === channel).length,
    answer(more) {
      Object.assign(answers, more);
    },
    emit(event) {
      const checked = PushEventSchema.parse(event);
      for (const l of listeners) l(checked);
    },
  };
}
