// Move the stack to another engine (a NAS or a server that runs Docker): the target engine, its check, the move with
// this dialog's own progress pushes, Resume for an interrupted move, and removing the old stack only after the move
// is finished and the user confirms. Every state shown is the core's (stack.move.status), re-read after each step.
import { Button, Field, Input, Spinner, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { EngineTarget, StackMoveCheck } from '../../core/contract';
import { AppDialog } from '../components/AppDialog';
import { useConfirm } from '../components/ConfirmDialog';
import { ErrorBar } from '../components/ErrorBar';
import { movePhase } from '../display-names';
import { ProgressRows } from '../components/ProgressRows';
import { useAction } from '../use-action';
import { useCall } from '../use-call';
import { useOperation } from '../use-operation';
import { formatBytes } from './format';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

function CheckSummary({ check }: { check: StackMoveCheck }) {
  return (
    <div data-testid="move-check">
      <Text block>
        {check.engine.label}: {check.ok ? 'ready for the move' : 'not ready'}. Docker API {check.engine.apiVersion},{' '}
        {check.engine.arch}.
      </Text>
      <Text block>
        Settings to copy: {formatBytes(check.neededBytes)}; free there:{' '}
        {check.freeBytes === null ? 'not measured' : formatBytes(check.freeBytes)}.
      </Text>
      {check.problems.map((p) => (
        <Text block key={p.message}>
          {p.message} {p.fix}
        </Text>
      ))}
    </div>
  );
}

function MovePanel() {
  const s = useStyles();
  const [engine, setEngine] = useState('');
  const [byContext, setByContext] = useState(false);
  const [dataRoot, setDataRoot] = useState('');
  const [check, setCheck] = useState<StackMoveCheck>();
  const [state, refresh] = useCall('stack.move.status');
  const checking = useAction('stack.move.check');
  const move = useAction('stack.move.run');
  const resume = useAction('stack.move.resume');
  const remove = useAction('stack.move.removeSource');
  const op = useOperation('move');
  const [confirm, confirmDialog] = useConfirm();
  const target: EngineTarget = byContext ? { context: engine.trim() } : { host: engine.trim() };
  const input = { target, ...(dataRoot.trim() ? { dataRoot: dataRoot.trim() } : {}) };
  const status = state.phase === 'ready' ? state.status : undefined;
  const phase = status?.phase ?? 'none';
  const moving = move.busy || resume.busy || remove.busy;
  const error = checking.error ?? move.error ?? resume.error ?? remove.error;
  const after = async (send: () => Promise<{ ok: boolean }>) => {
    await send();
    void refresh();
  };
  return (
    <>
      <Text>
        Moves the whole stack to a NAS or server that runs Docker: its settings are copied and verified, it starts and
        is connected there, and this PC&apos;s copy is kept until you remove it. If anything fails, the stack keeps
        running here as before.
      </Text>
      <Switch label="Pick a Docker context by name" checked={byContext} onChange={(_, d) => setByContext(d.checked)} />
      <Field
        label={byContext ? 'Docker context' : 'Target engine address'}
        hint={byContext ? 'As listed by Docker' : 'For example tcp://nas.local:2376 or ssh://me@nas.local'}
      >
        <Input value={engine} onChange={(_, d) => setEngine(d.value)} data-testid="move-target" />
      </Field>
      <Field label="Media folder on the target (optional)" hint="The path the target sees, for example /volume1/data">
        <Input value={dataRoot} onChange={(_, d) => setDataRoot(d.value)} data-testid="move-data-root" />
      </Field>
      <div className={s.row}>
        <Button
          onClick={async () => {
            const r = await checking.run(input);
            setCheck(r.ok ? r.value : undefined);
          }}
          disabled={moving || checking.busy || !engine.trim()}
          data-testid="move-check-button"
        >
          Check target
        </Button>
        <Button
          appearance="primary"
          onClick={() => void after(() => move.run({ ...input, operationId: op.next() }))}
          disabled={moving || !check?.ok}
          data-testid="move-run-button"
        >
          Move the stack
        </Button>
        {status?.interrupted && (
          <Button onClick={() => void after(() => resume.run({ operationId: op.next() }))} disabled={moving}>
            Resume
          </Button>
        )}
      </div>
      {(checking.busy || moving) && <Spinner size="tiny" label={checking.busy ? 'Checking…' : 'Moving…'} />}
      {error && (
        <ErrorBar
          title="The move did not go through"
          error={error}
          testId="move-error"
          onFixed={() => void refresh()}
        />
      )}
      {check && <CheckSummary check={check} />}
      {moving && <ProgressRows steps={op.steps} />}
      {status && phase !== 'none' && <Text data-testid="move-phase">{movePhase(phase)}</Text>}
      {phase === 'ready' && (
        <div className={s.col}>
          {confirmDialog}
          <Text>The stack runs on the target. The old stack on this PC is stopped and kept.</Text>
          <Button
            onClick={async () => {
              const ok = await confirm({
                title: 'Remove the old stack?',
                body: 'Its containers and its copied settings on this PC are deleted. The moved stack is not touched.',
                confirmLabel: 'Remove old stack',
                destructive: true,
              });
              if (ok) await after(() => remove.run({ confirm: true, operationId: op.next() }));
            }}
            disabled={moving}
            data-testid="move-remove-button"
          >
            Remove the old stack
          </Button>
        </div>
      )}
    </>
  );
}

export function MoveStackDialog() {
  const s = useStyles();
  return (
    <AppDialog
      trigger={<Button data-testid="open-move-stack">Move to another engine</Button>}
      title="Move the stack to another engine"
      bodyClassName={s.col}
    >
      <MovePanel />
    </AppDialog>
  );
}
