// Migrate to NAS (issue 10's calls): choose a target, see space and time, copy with progress, then finish; deleting the
// local copy needs its own explicit tick and is offered only when the core says it is allowed.
import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input, ProgressBar, Spinner, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MigratePlan, MigrateStatus, UpsApi, UpsError } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { formatBytes, formatDuration } from './format';
import { SwitchChecksView } from './SwitchChecksView';

const useStyles = makeStyles({ col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS }, row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' } });

type Busy = string | undefined;

function PlanSummary({ plan }: { plan: MigratePlan }) {
  return (
    <div data-testid="migrate-plan">
      <Text block>
        {plan.files} files, {formatBytes(plan.bytes)} from {plan.source} to {plan.target}.
      </Text>
      <Text block>
        Free on the target: {formatBytes(plan.freeBytes)} — {plan.fits ? 'enough' : `not enough (${formatBytes(plan.bytesToCopy + plan.marginBytes)} needed)`}. Estimated time: {formatDuration(plan.estimatedSeconds)}.
      </Text>
      <Text block>Hardlinks: {plan.hardlinks.detail}</Text>
      {plan.warnings.map((w) => (
        <Text block key={w}>
          Note: {w}
        </Text>
      ))}
    </div>
  );
}

export function MigrateDialog({ api }: { api: UpsApi }) {
  const s = useStyles();
  const [to, setTo] = useState('');
  const [mediaOnly, setMediaOnly] = useState(false);
  const [status, setStatus] = useState<MigrateStatus>();
  const [plan, setPlan] = useState<MigratePlan>();
  const [error, setError] = useState<UpsError>();
  const [busy, setBusy] = useState<Busy>();
  const [deleteSource, setDeleteSource] = useState(false);
  const run = async <T,>(label: string, call: () => Promise<{ ok: true; value: T } | { ok: false; error: UpsError }>, then: (v: T) => void) => {
    setBusy(label);
    const res = await call();
    setBusy(undefined);
    if (!res.ok) return setError(res.error);
    setError(undefined);
    then(res.value);
  };
  const refresh = () => run('Reading the migration state…', () => api.invoke('migrate.status', {}), setStatus);
  const phase = status?.phase ?? 'none';
  const progress = status?.progress;
  return (
    <Dialog onOpenChange={(_, d) => d.open && void refresh()}>
      <DialogTrigger disableButtonEnhancement>
        <Button data-testid="open-migrate">Migrate to NAS</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Migrate to NAS</DialogTitle>
          <DialogContent className={s.col}>
            <Text>Moves your media to network storage: copied and verified first, switched over, and the local copy is deleted only if you ask.</Text>
            <Field label="Target folder on the NAS" hint="A mounted folder, or a network path such as \\nas\media">
              <Input value={to} onChange={(_, d) => setTo(d.value)} data-testid="migrate-target" />
            </Field>
            <Switch label="Media only (keep downloads on this PC)" checked={mediaOnly} onChange={(_, d) => setMediaOnly(d.checked)} />
            <div className={s.row}>
              <Button onClick={() => void run('Measuring…', () => api.invoke('migrate.plan', { to, mediaOnly }), setPlan)} disabled={Boolean(busy) || !to.trim()} data-testid="migrate-plan-button">
                Check target
              </Button>
              <Button appearance="primary" onClick={() => void run('Starting the copy…', () => api.invoke('migrate.start', {}), setStatus)} disabled={Boolean(busy) || !plan?.fits}>
                Start copy
              </Button>
              {(phase === 'copying' || phase === 'interrupted' || phase === 'paused') && (
                <Button onClick={() => void run('…', () => api.invoke(phase === 'copying' ? 'migrate.pause' : 'migrate.resume', {}), setStatus)} disabled={Boolean(busy)}>
                  {phase === 'copying' ? 'Pause' : 'Resume'}
                </Button>
              )}
              <Button onClick={() => void refresh()} disabled={Boolean(busy)}>
                Refresh
              </Button>
            </div>
            {busy && <Spinner size="tiny" label={busy} />}
            {error && <ErrorBar title="Migration step failed" error={error} testId="migrate-error" />}
            {plan && <PlanSummary plan={plan} />}
            {status && <Text data-testid="migrate-phase">State: {phase}</Text>}
            {phase === 'switched' && status?.switchChecks && <SwitchChecksView checks={status.switchChecks} />}
            {progress && (
              <Field label="Copy progress" validationMessage={`${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}${progress.etaSeconds !== null ? `, about ${formatDuration(progress.etaSeconds)} left` : ''}`} validationState="none">
                <ProgressBar value={progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : undefined} max={1} />
              </Field>
            )}
            {status?.lastError && <ErrorBar title="The migration stopped" error={{ code: 'INTERNAL', message: status.lastError.message, fix: status.lastError.fix }} />}
            {(phase === 'verified' || phase === 'switched') && (
              <div className={s.col}>
                <Checkbox label="Also delete the local copy (it has been verified on the NAS)" checked={deleteSource} disabled={!status?.canDeleteSource} onChange={(_, d) => setDeleteSource(Boolean(d.checked))} />
                <Button appearance="primary" onClick={() => void run('Finishing…', () => api.invoke('migrate.finish', { deleteSource }), setStatus)} disabled={Boolean(busy)}>
                  Finish migration
                </Button>
              </div>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
