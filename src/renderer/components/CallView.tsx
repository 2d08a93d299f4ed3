// Shows one read (useCall's view): a spinner while asking, the error with its fix, or the answer as the caller renders it.
import { Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { CallView as View } from '../use-call';
import { ErrorBar } from './ErrorBar';

export function CallView<T>({ view, what, children }: { view: View<T>; what: string; children(value: T): ReactNode }) {
  if (view.phase === 'loading') return <Spinner size="tiny" label={`${what}…`} />;
  if (view.phase === 'error') return <ErrorBar title={`${what} failed`} error={view.error} />;
  return <>{children(view.status)}</>;
}
