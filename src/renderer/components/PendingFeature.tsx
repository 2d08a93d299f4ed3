// A panel fed by one call that may not exist yet: spinner, the real answer, "not available yet", or the error + fix.
import { Spinner, Text } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { UpsApi, UpsError } from '../../core/contract';
import { invokeByName, notAvailable } from '../call';
import { ErrorBar } from './ErrorBar';
import { NotAvailable } from './NotAvailable';

type Answer<T> = { phase: 'loading' } | { phase: 'ok'; value: T } | { phase: 'error'; error: UpsError } | { phase: 'unknown-shape' };

export function PendingFeature<S extends z.ZodType>(props: { api: UpsApi; channel: string; input?: unknown; what: string; schema: S; render(value: z.infer<S>): ReactNode }) {
  const { api, channel, input, what, schema, render } = props;
  const [answer, setAnswer] = useState<Answer<z.infer<S>>>({ phase: 'loading' });
  const key = JSON.stringify(input ?? {});
  useEffect(() => {
    let live = true;
    void invokeByName(api, channel, JSON.parse(key)).then((res) => {
      if (!live) return;
      if (!res.ok) return setAnswer({ phase: 'error', error: res.error });
      const parsed = schema.safeParse(res.value);
      setAnswer(parsed.success ? { phase: 'ok', value: parsed.data } : { phase: 'unknown-shape' });
    });
    return () => {
      live = false;
    };
  }, [api, channel, key, schema]);
  if (answer.phase === 'loading') return <Spinner size="tiny" label={`${what}…`} />;
  if (answer.phase === 'error') return notAvailable(answer.error) ? <NotAvailable what={what} error={answer.error} /> : <ErrorBar title={`${what} failed`} error={answer.error} />;
  if (answer.phase === 'unknown-shape') return <Text>{what}: the app answered in a shape this screen does not know yet.</Text>;
  return <>{render(answer.value)}</>;
}
