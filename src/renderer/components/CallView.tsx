// Shows one read (useCall's view): a spinner while asking, the error with its fix, or the answer as the caller renders it.
import { Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { CallView as View } from '../use-call';
import { ErrorBar } from './ErrorBar';

export function CallView<T>({
  view,
  what,
  children,
  retry,
  failed,
}: {
  view: View<T>;
  /** What is being read, as a noun phrase the user understands ("Your logins"). */
  what: string;
  children(value: T): ReactNode;
  /** Asks again (useCall's reload): the error's "Try again" button. */
  retry?: () => void;
  /** The plain sentence when it fails; by default "<what> did not work." */
  failed?: string;
}) {
  if (view.phase === 'loading') return <Spinner size="tiny" label={`${what}…`} />;
  if (view.phase === 'error')
    return <ErrorBar title={failed ?? `${what} did not work.`} error={view.error} onRetry={retry} />;
  return <>{children(view.status)}</>;
}
