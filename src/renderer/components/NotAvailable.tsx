// "Not available yet": shown when the App service answers UNKNOWN_CHANNEL for a call this build's core does not have.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { UpsError } from '../../core/contract';

export function NotAvailable({ what, error }: { what: string; error: UpsError }) {
  return (
    <MessageBar intent="info" layout="multiline" data-testid="not-available" data-code={error.code}>
      <MessageBarBody>
        <MessageBarTitle>{what}: not available yet</MessageBarTitle>
        This version of the app cannot do this yet. The app answered: {error.message}
      </MessageBarBody>
    </MessageBar>
  );
}
