// Reads (calls that change nothing): asked when the screen mounts, again when the input changes, and on demand
// (reload). A newer question always wins over a slower answer to an older one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInput, CallOutput, Channel, UpsError } from '../core/contract';
import { useUps } from './ups-context';

export type CallView<T> = { phase: 'loading' } | { phase: 'ready'; status: T } | { phase: 'error'; error: UpsError };

const LOADING = { phase: 'loading' } as const;

/**
 * `input` is compared by value (JSON), so an object literal per render does not re-ask. `skip` holds the call (the
 * view stays loading), e.g. until a typed folder is a valid path.
 */
export function useCall<C extends Channel>(
  channel: C,
  input?: CallInput<C>,
  opts: { skip?: boolean } = {},
): [CallView<CallOutput<C>>, () => Promise<void>] {
  const api = useUps();
  const key = JSON.stringify(input ?? {});
  // The answer remembers which input it answers: a changed input shows "loading" until its own answer arrives.
  const [answer, setAnswer] = useState<{ key: string; view: CallView<CallOutput<C>> }>();
  const asked = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++asked.current;
    const res = await api.invoke(channel, JSON.parse(key) as CallInput<C>);
    if (mine !== asked.current) return;
    setAnswer({ key, view: res.ok ? { phase: 'ready', status: res.value } : { phase: 'error', error: res.error } });
  }, [api, channel, key]);
  const skip = Boolean(opts.skip);
  useEffect(() => {
    if (!skip) void reload();
  }, [reload, skip]);
  return [answer && answer.key === key && !skip ? answer.view : LOADING, reload];
}
