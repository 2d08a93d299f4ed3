// Migrate to NAS: choose a target, see space and time, copy with this dialog's own progress pushes (Pause works while
// it copies), then finish; deleting the local copy needs its own explicit tick and is offered only when the core allows it.
import {
  Button,
  Checkbox,
  Field,
  Input,
  ProgressBar,
  Spinner,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { MigratePlan } from '../../core/contract';
import { AppDialog } from '../components/AppDialog';
import { useConfirm } from '../components/ConfirmDialog';
import { deleteLocalCopyText } from '../components/confirm-texts';
import { ErrorBar } from '../components/ErrorBar';
import { migratePhase } from '../display-names';
import { ProgressRows } from '../components/ProgressRows';
import { useAction } from '../use-action';
import { useCall } from '../use-call';
import { useOperation } from '../use-operation';
import { formatBytes, formatDuration } from './format';
import { SwitchChecksView } from './SwitchChecksView';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

function PlanSummary({ plan }: { plan: MigratePlan }) {
  return (
    <div data-testid="migrate-plan">
      <Text block>
        {plan.files} files, {formatBytes(plan.bytes)} from {plan.source} to {plan.target}.
      </Text>
      <Text block>
        Free on the target: {formatBytes(plan.freeBytes)} —{' '}
        {plan.fits ? 'enough' : `not enough (${formatBytes(plan.bytesToCopy + plan.marginBytes)} needed)`}. Estimated
        time: {formatDuration(plan.estimatedSeconds)}.
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

/** Mounted only while the dialog is open, so opening it reads the migration state afresh. */
function MigratePanel() {
  const s = useStyles();
  const [to, setTo] = useState('');
  const [mediaOnly, setMediaOnly] = useState(false);
  const [deleteSource, setDeleteSource] = useState(false);
  const [plan, setPlan] = useState<MigratePlan>();
  const [state, refresh] = useCall('migrate.status');
  const measure = useAction('migrate.plan');
  const start = useAction('migrate.start');
  const resume = useAction('migrate.resume');
  const pause = useAction('migrate.pause');
  const finish = useAction('migrate.finish');
  const [confirm, confirmDialog] = useConfirm();
  const askDelete = () =>
    confirm({
      title: 'Delete the local copy?',
      body: deleteLocalCopyText(status?.plan?.bytes),
      confirmLabel: 'Delete local copy',
      destructive: true,
    });
  const copy = useOperation('migrate');
  const actions = { measure, start, resume, pause, finish };
  const [last, setLast] = useState<keyof typeof actions>();
  const copying = start.busy || resume.busy;
  const busy = measure.busy
    ? 'Measuring…'
    : copying
      ? 'Copying…'
      : pause.busy
        ? 'Pausing…'
        : finish.busy
          ? 'Finishing…'
          : undefined;
  const error = (last && actions[last].error) ?? (state.phase === 'error' ? state.error : undefined);
  /** Every change re-reads migrate.status, so the state shown is the core's, not this dialog's guess. */
  const then = async (name: keyof typeof actions, send: () => Promise<{ ok: boolean }>) => {
    setLast(name);
    if ((await send()).ok) void refresh();
  };
  const status = state.phase === 'ready' ? state.status : undefined;
  const phase = status?.phase ?? 'none';
  const progress = status?.progress;
  return (
    <>
      <Text>
        Moves your media to network storage: copied and verified first, switched over, and the local copy is deleted
        only if you ask.
      </Text>
      <Field label="Target folder on the NAS" hint="A mounted folder, or a network path such as \\nas\media">
        <Input value={to} onChange={(_, d) => setTo(d.value)} data-testid="migrate-target" />
      </Field>
      <Switch
        label="Media only (keep downloads on this PC)"
        checked={mediaOnly}
        onChange={(_, d) => setMediaOnly(d.checked)}
      />
      <div className={s.row}>
        <Button
          onClick={() =>
            void then('measure', async () => {
              const r = await measure.run({ to, mediaOnly });
              if (r.ok) setPlan(r.value);
              return r;
            })
          }
          disabled={Boolean(busy) || !to.trim()}
          data-testid="migrate-plan-button"
        >
          Check target
        </Button>
        <Button
          appearance="primary"
          onClick={() => void then('start', () => start.run({ operationId: copy.next() }))}
          disabled={Boolean(busy) || !plan?.fits}
        >
          Start copy
        </Button>
        {(copying || phase === 'copying') && (
          <Button onClick={() => void then('pause', () => pause.run({}))} disabled={pause.busy}>
            Pause
          </Button>
        )}
        {!copying && (phase === 'interrupted' || phase === 'paused') && (
          <Button
            onClick={() => void then('resume', () => resume.run({ operationId: copy.next() }))}
            disabled={Boolean(busy)}
          >
            Resume
          </Button>
        )}
        <Button onClick={() => void refresh()} disabled={Boolean(busy)}>
          Refresh
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={busy} />}
      {error && (
        <ErrorBar title="Migration step failed" error={error} testId="migrate-error" onFixed={() => void refresh()} />
      )}
      {plan && <PlanSummary plan={plan} />}
      {status && <Text data-testid="migrate-phase">{migratePhase(phase)}</Text>}
      {phase === 'switched' && status?.switchChecks && <SwitchChecksView checks={status.switchChecks} />}
      {copying ? (
        <ProgressRows steps={copy.steps} />
      ) : (
        progress && (
          <Field
            label="Copy progress"
            validationMessage={`${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}${progress.etaSeconds !== null ? `, about ${formatDuration(progress.etaSeconds)} left` : ''}`}
            validationState="none"
          >
            <ProgressBar
              value={progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : undefined}
              max={1}
            />
          </Field>
        )
      )}
      {status?.lastError && (
        <ErrorBar
          title="The migration stopped"
          error={{ code: 'INTERNAL', ...status.lastError }}
          onFixed={() => void refresh()}
        />
      )}
      {(phase === 'verified' || phase === 'switched') && (
        <div className={s.col}>
          {confirmDialog}
          <Checkbox
            label="Also delete the local copy (it has been verified on the NAS)"
            checked={deleteSource}
            disabled={!status?.canDeleteSource}
            onChange={(_, d) => setDeleteSource(Boolean(d.checked))}
          />
          <Button
            appearance="primary"
            onClick={async () => {
              if (deleteSource && !(await askDelete())) return;
              await then('finish', () => finish.run({ deleteSource }));
            }}
            disabled={Boolean(busy)}
          >
            Finish migration
          </Button>
        </div>
      )}
    </>
  );
}

export function MigrateDialog() {
  const s = useStyles();
  return (
    <AppDialog
      name="migrate"
      trigger={<Button data-testid="open-migrate">Migrate to NAS</Button>}
      title="Migrate to NAS"
      bodyClassName={s.col}
    >
      <MigratePanel />
    </AppDialog>
  );
}
