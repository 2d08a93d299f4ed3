// First screen: is this PC ready? Live probe results with their fixes, and the stack as it stands.
import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import type { UpsApi } from '../../core/contract';
import { CheckRow } from '../components/CheckRow';
import { StackStatusPanel } from '../components/StackStatusPanel';
import { useChecksStore } from '../stores/checks-store';

const useStyles = makeStyles({
  page: { maxWidth: '880px', margin: '0 auto', padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const summary = { ok: 'Everything the stack needs is here.', warn: 'Ready, with warnings worth a look.', fail: 'Some checks failed: follow the fixes, then run the checks again.' } as const;

export function ChecksScreen({ api }: { api: UpsApi }) {
  const s = useStyles();
  const { state, run } = useChecksStore();
  useEffect(() => {
    void run(api);
  }, [api, run]);
  const shown = state.phase === 'done' ? state.result : state.phase === 'running' ? state.previous : undefined;
  return (
    <main className={s.page}>
      <Title1 as="h1">Check your PC</Title1>
      <Body1>Ultimate Plex Stack needs Docker, Compose and a place to keep your passwords safely.</Body1>
      <div className={s.bar}>
        <Button appearance="primary" onClick={() => void run(api)} disabled={state.phase === 'running'}>
          Run checks again
        </Button>
        {state.phase === 'running' && <Spinner size="tiny" label="Checking…" />}
      </div>
      {state.phase === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>The checks could not run</MessageBarTitle>
            {state.error.message} {state.error.fix}
          </MessageBarBody>
        </MessageBar>
      )}
      {shown && (
        <MessageBar intent={shown.overall === 'ok' ? 'success' : shown.overall === 'warn' ? 'warning' : 'error'} data-testid="checks-summary">
          <MessageBarBody>{summary[shown.overall]}</MessageBarBody>
        </MessageBar>
      )}
      <section className={s.list} aria-label="Environment checks" data-testid="checks">
        {shown?.checks.map((c) => <CheckRow key={c.id} check={c} />)}
      </section>
      <StackStatusPanel />
    </main>
  );
}
