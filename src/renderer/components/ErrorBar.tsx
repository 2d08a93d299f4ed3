// Every error the user sees: what went wrong (the envelope's message) and what to do (its fix), with optional actions.
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { UpsError } from '../../core/contract';

export function ErrorBar({
  title,
  error,
  actions,
  testId,
}: {
  title: string;
  error: UpsError;
  actions?: ReactNode;
  testId?: string;
}) {
  return (
    <MessageBar intent="error" role="alert" data-testid={testId} data-code={error.code} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <div>{error.message}</div>
        {error.fix ? <div>How to fix: {error.fix}</div> : null}
      </MessageBarBody>
      {actions ? <MessageBarActions>{actions}</MessageBarActions> : null}
    </MessageBar>
  );
}
