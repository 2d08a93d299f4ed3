// Step 2: is this PC ready? Live probe results with their fixes; re-run after fixing.
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useEffect } from 'react';
import { CheckList } from '../components/CheckList';
import { ErrorBar } from '../components/ErrorBar';
import { useChecksStore } from '../stores/checks-store';
import { wizardTransitions } from '../stores/wizard-store';
import { useUps } from '../ups-context';
import { StepFrame } from './StepFrame';
import { useWizard } from './use-wizard';

const summary = {
  ok: 'Everything the stack needs is here.',
  warn: 'Ready, with warnings worth a look.',
  fail: 'Something needs fixing first: follow the first fix below, then run the checks again.',
} as const;

export function ChecksStep() {
  const api = useUps();
  const w = useWizard();
  const { state, run } = useChecksStore();
  useEffect(() => {
    void run(api);
  }, [api, run]);
  const shown = state.phase === 'done' ? state.result : state.phase === 'running' ? state.previous : undefined;
  const rerun = (
    <Button onClick={() => void run(api)} disabled={state.phase === 'running'}>
      Run checks again
    </Button>
  );
  return (
    <StepFrame
      title="Check your PC"
      intro="Ultimate Plex Stack needs Docker, Compose and a place to keep your passwords safely."
      onBack={() => void w.back()}
      onNext={() => shown && void w.apply((st) => wizardTransitions.next(wizardTransitions.recordChecks(st, shown)))}
      nextDisabled={!shown || shown.overall === 'fail'}
      busy={state.phase === 'running' ? 'Checking…' : undefined}
      extraActions={rerun}
    >
      {state.phase === 'error' && <ErrorBar title="The checks could not run" error={state.error} />}
      {state.phase === 'running' && !shown && <Spinner size="small" label="Running the checks…" />}
      {shown && (
        <MessageBar
          intent={shown.overall === 'ok' ? 'success' : shown.overall === 'warn' ? 'warning' : 'error'}
          data-testid="checks-summary"
        >
          <MessageBarBody>{summary[shown.overall]}</MessageBarBody>
        </MessageBar>
      )}
      {shown && <CheckList checks={shown.checks} />}
    </StepFrame>
  );
}
