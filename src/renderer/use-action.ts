// Writes (calls that change something): one hook per channel with its own busy flag and last error, so a screen
// never hand-rolls setBusy/setError around api.invoke again.
import { useCallback, useState } from 'react';
import type { CallInput, CallOutput, Channel, Envelope, UpsError } from '../core/contract';
import { useUps } from './ups-context';

export interface Action<C extends Channel> {
  /** Sends the call; the envelope comes back too, for the screen's own next step. */
  run(input: CallInput<C>): Promise<Envelope<CallOutput<C>>>;
  /** True while any run of this action is in flight. */
  busy: boolean;
  /** The last run's failure; cleared when the next run starts. */
  error?: UpsError;
  clearError(): void;
}

export function useAction<C extends Channel>(channel: C): Action<C> {
  const api = useUps();
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<UpsError>();
  const run = useCallback(
    async (input: CallInput<C>) => {
      setPending((n) => n + 1);
      setError(undefined);
      try {
        const res = await api.invoke(channel, input);
        if (!res.ok) setError(res.error);
        return res;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [api, channel],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, busy: pending > 0, error, clearError };
}
