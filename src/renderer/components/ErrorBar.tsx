// Every error the user sees: a plain sentence (the screen's title, the core's words only when they are plain), at
// least one button that starts a fix, and the raw text under a collapsed "Technical details" with a Copy button.
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { fixAction, type FixAction, type UpsError } from '../../core/contract';
import { isPlainText, withoutFieldPath } from '../internal-text';
import { FixActionButton } from './FixActionButton';

const useStyles = makeStyles({
  // In a height-limited flex column (a dialog's scrolling body) a bar would shrink below its text and the next bar
  // would be drawn over it (issue 20 item 7; caught by ui-layout-dashboard.test.ts): it keeps its own height.
  bar: { flexShrink: 0 },
  details: { marginTop: tokens.spacingVerticalXS },
  summary: { cursor: 'pointer' },
  raw: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxHeight: '12em',
    overflowY: 'auto',
    margin: `${tokens.spacingVerticalXS} 0`,
  },
});

/** The fix offered when the error carries none and the screen has no "Try again": what most often clears it. */
function fallbackAction(error: UpsError): FixAction {
  if (error.code === 'NOT_FOUND') return fixAction('setup.start', {}, 'Open setup');
  return fixAction('checks.run', {}, 'Check this PC');
}

/** The error as a support person wants it: code, message, fix and field, one per line. */
export function technicalText(error: UpsError): string {
  return [
    `Code: ${error.code}`,
    `Message: ${error.message}`,
    error.field ? `Field: ${error.field}` : '',
    error.fix ? `How to fix: ${error.fix}` : '',
    error.action ? `Fix action: ${error.action.action}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A collapsed "Technical details" with the raw text and a Copy button (closed, its text is not on the screen). */
export function TechnicalDetails({ text }: { text: string }) {
  const s = useStyles();
  const [copied, setCopied] = useState<'yes' | 'refused'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('refused');
    }
  };
  return (
    <details className={s.details} data-testid="technical-details">
      <summary className={s.summary}>Technical details</summary>
      <div data-technical-details="">
        <pre className={s.raw}>{text}</pre>
        <Button size="small" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </Button>
        {copied === 'refused' && <Caption1> The clipboard refused: select the text and copy it by hand.</Caption1>}
      </div>
    </details>
  );
}

export function ErrorBar({
  title,
  error,
  actions,
  testId,
  onFixed,
  onRetry,
}: {
  /** The plain sentence saying what did not work, from the screen that knows what the user was doing. */
  title: string;
  error: UpsError;
  actions?: ReactNode;
  testId?: string;
  /** Called when the error's own fix action ran successfully (e.g. to read the state again). */
  onFixed?: () => void;
  /** Asks again: shown as "Try again" when the error carries no fix action of its own. */
  onRetry?: () => void;
}) {
  const message = withoutFieldPath(error.message, error.field);
  const plainMessage = isPlainText(message) ? message : undefined;
  const plainFix = error.fix && isPlainText(error.fix) ? error.fix : undefined;
  const fallback = !error.action && !onRetry && !actions ? fallbackAction(error) : undefined;
  const s = useStyles();
  return (
    <MessageBar
      intent="error"
      role="alert"
      data-testid={testId}
      data-code={error.code}
      layout="multiline"
      className={s.bar}
    >
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {plainMessage ? <div>{plainMessage}</div> : null}
        {plainFix ? <div>How to fix: {plainFix}</div> : null}
        <TechnicalDetails text={technicalText(error)} />
      </MessageBarBody>
      <MessageBarActions>
        {error.action ? <FixActionButton action={error.action} onDone={onFixed} /> : null}
        {!error.action && onRetry ? (
          <Button size="small" appearance="primary" onClick={onRetry}>
            Try again
          </Button>
        ) : null}
        {fallback ? <FixActionButton action={fallback} onDone={onFixed} /> : null}
        {actions}
      </MessageBarActions>
    </MessageBar>
  );
}
