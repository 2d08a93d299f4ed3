// Every error the user sees: what went wrong (the envelope's message), what to do (its fix) and, when the error carries
// one, the fix as a button that performs it; screens may add their own actions beside it.
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { UpsError } from '../../core/contract';
import { FixActionButton } from './FixActionButton';

export function ErrorBar({
  title,
  error,
  actions,
  testId,
  onFixed,
}: {
  title: string;
  error: UpsError;
  actions?: ReactNode;
  testId?: string;
  /** Called when the error's own fix action ran successfully (e.g. to read the state again). */
  onFixed?: () => void;
}) {
  return (
    <MessageBar intent="error" role="alert" data-testid={testId} data-code={error.code} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <div>{error.message}</div>
        {error.fix ? <div>How to fix: {error.fix}</div> : null}
      </MessageBarBody>
      {actions || error.action ? (
        <MessageBarActions>
          {error.action ? <FixActionButton action={error.action} onDone={onFixed} /> : null}
          {actions}
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
