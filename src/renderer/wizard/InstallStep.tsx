// Step 8: install as one checklist of plain steps under one overall bar (GB and time left while downloading); a
// failure shows cause + fix, with Retry and Back in the step's bar.
import { makeStyles } from '@fluentui/react-components';
import { useCallback, useEffect } from 'react';
import { ErrorBar } from '../components/ErrorBar';
import { useInstallWiringStore } from '../stores/install-wiring-store';
import { useWizardStore, wizardTransitions } from '../stores/wizard-store';
import { useAction } from '../use-action';
import { useOperation } from '../use-operation';
import { InstallChecklist } from './InstallChecklist';
import { StepFrame } from './StepFrame';
import { useWizard } from './use-wizard';
import { candidateConfig } from './validation';

const useStyles = makeStyles({
  // The checklist names the same steps: on a short window (800×600 at 150 % and up) the overall bar and its "GB
  // downloaded · time left" line take the intro's room, so they stay in view above the sticky bar.
  intro: { '@media (max-height: 450px)': { display: 'none' } },
});

export function InstallStep() {
  const s = useStyles();
  const w = useWizard();
  const install = useAction('stack.install');
  // Each attempt gets its own id: the bars are this attempt's pushes only, never an earlier one's or another window's.
  const operation = useOperation('install');
  const { run: send } = install;
  const { next: nextId } = operation;
  const { apply } = w;
  const setWiring = useInstallWiringStore((s) => s.set);
  const run = useCallback(async () => {
    // Read at call time, not render time: Retry sends what the draft holds now.
    const draft = useWizardStore.getState().state.draft;
    const res = await send({
      config: candidateConfig(draft),
      start: true,
      operationId: nextId(),
      // The quality choice goes into arr.yml (not stack.yml): Radarr's and Sonarr's profiles and Seerr's default.
      ...(draft.qualityPreset ? { qualityPreset: draft.qualityPreset } : {}),
    });
    if (!res.ok) return;
    // The Done screen lists the links this install made (or could not make, with Retry).
    setWiring(res.value.wiring ?? null);
    void apply(wizardTransitions.next);
  }, [send, nextId, apply, setWiring]);
  useEffect(() => {
    void run();
  }, [run]);
  return (
    <StepFrame
      title="Installing"
      intro="Writing files, preparing folders, downloading the apps, starting them and connecting them to each other."
      introClassName={s.intro}
      onBack={install.busy ? undefined : () => void w.back()}
      // Retry is the step's main action once the install stopped: in the sticky bar it stays in view at any window
      // size or zoom, where a button inside the error (below the checklist) was scrolled out of a small window.
      onNext={install.error && !install.busy ? () => void run() : undefined}
      nextLabel="Retry"
      busy={install.busy ? 'Installing…' : undefined}
    >
      <InstallChecklist steps={operation.steps} outcome={install.error ? 'failed' : 'running'} />
      {install.error && <ErrorBar title="Install stopped" error={install.error} testId="install-error" />}
    </StepFrame>
  );
}
