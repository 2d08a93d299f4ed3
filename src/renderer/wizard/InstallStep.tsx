// Step 8: install with one progress bar per step; a failure shows cause + fix with Retry and Back.
import { Button } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UpsApi, UpsError } from '../../core/contract';
import { notAvailable } from '../call';
import { ErrorBar } from '../components/ErrorBar';
import { NotAvailable } from '../components/NotAvailable';
import { ProgressRows } from '../components/ProgressRows';
import { useProgressStore } from '../stores/progress-store';
import { useWizardStore, wizardTransitions } from '../stores/wizard-store';
import { StepFrame } from './StepFrame';
import { useWizard } from './use-wizard';
import { candidateConfig } from './validation';

export function InstallStep({ api }: { api: UpsApi }) {
  const w = useWizard(api);
  const [error, setError] = useState<UpsError>();
  const [running, setRunning] = useState(false);
  // Operations already known before this attempt are not this install's.
  const before = useRef<Set<string>>(new Set());
  const apply = useWizardStore((s) => s.apply);
  const operations = useProgressStore((s) => s.state.operations);
  const run = useCallback(async () => {
    // Read at call time, not render time: Retry sends what the draft holds now.
    const draft = useWizardStore.getState().state.draft;
    before.current = new Set(Object.keys(useProgressStore.getState().state.operations));
    setRunning(true);
    setError(undefined);
    const res = await api.invoke('stack.install', { config: candidateConfig(draft), start: true });
    setRunning(false);
    if (res.ok) void apply(api, wizardTransitions.next);
    else setError(res.error);
  }, [api, apply]);
  useEffect(() => {
    void run();
  }, [run]);
  const steps = Object.entries(operations)
    .filter(([id]) => !before.current.has(id))
    .flatMap(([, byStep]) => Object.values(byStep));
  return (
    <StepFrame title="Installing" intro="Writing files, preparing folders, downloading the apps, starting them and connecting them to each other." onBack={running ? undefined : () => void w.back()} busy={running ? 'Installing…' : undefined}>
      <ProgressRows steps={steps} />
      {error &&
        (notAvailable(error) ? (
          <NotAvailable what="Install" error={error} />
        ) : (
          <ErrorBar title="Install stopped" error={error} testId="install-error" actions={<Button onClick={() => void run()}>Retry</Button>} />
        ))}
    </StepFrame>
  );
}

