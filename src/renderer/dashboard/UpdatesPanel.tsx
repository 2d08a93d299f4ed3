// Updates of the stack's images (update.check/apply/rollback, health-gated in the engine): check on demand, apply or roll
// back with this panel's own progress pushes shown as bars; every failure shows its cause and fix.
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { UpdateCheck, UpdateRecord } from '../../core/contract';
import { ErrorBar, TechnicalDetails } from '../components/ErrorBar';
import { useConfirm } from '../components/ConfirmDialog';
import { rollbackText } from '../components/confirm-texts';
import { ProgressRows } from '../components/ProgressRows';
import { serviceName } from '../display-names';
import { isPlainText } from '../internal-text';
import { useAction } from '../use-action';
import { useOperation } from '../use-operation';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** An update's outcome in plain words, when the engine's own message is not. */
const recordText: Record<UpdateRecord['outcome'], string> = {
  applied: 'The update is installed and every app is healthy.',
  'rolled-back': 'The update did not come up healthy, so the previous versions are back.',
  failed: 'The update did not complete.',
  'nothing-to-do': 'Nothing needed updating.',
};

export function UpdatesPanel() {
  const s = useStyles();
  const checkAction = useAction('update.check');
  const applyAction = useAction('update.apply');
  const rollbackAction = useAction('update.rollback');
  const [confirm, confirmDialog] = useConfirm();
  const operation = useOperation('update');
  const [check, setCheck] = useState<UpdateCheck>();
  const [record, setRecord] = useState<UpdateRecord>();
  const [last, setLast] = useState<'check' | 'apply' | 'rollback'>();
  const busy = checkAction.busy
    ? 'Checking for updates…'
    : applyAction.busy
      ? 'Updating…'
      : rollbackAction.busy
        ? 'Rolling back…'
        : undefined;
  const error = { check: checkAction.error, apply: applyAction.error, rollback: rollbackAction.error }[last ?? 'check'];
  const doCheck = async () => {
    setLast('check');
    const r = await checkAction.run({});
    if (r.ok) setCheck(r.value);
  };
  const doApply = async () => {
    setLast('apply');
    const r = await applyAction.run({ healthTimeoutSec: 180, operationId: operation.next() });
    if (r.ok) setRecord(r.value);
  };
  const doRollback = async () => {
    if (!(await confirm({ title: 'Roll back the last update?', body: rollbackText(), confirmLabel: 'Roll back' })))
      return;
    setLast('rollback');
    const r = await rollbackAction.run({});
    if (r.ok) setRecord(r.value);
  };
  const available = check?.services.filter((x) => x.updateAvailable) ?? [];
  const unchecked = check?.services.filter((x) => x.error) ?? [];
  return (
    <div className={s.col}>
      {confirmDialog}
      <div className={s.row}>
        <Button onClick={() => void doCheck()} disabled={Boolean(busy)}>
          Check for updates
        </Button>
        {available.length > 0 && (
          <Button appearance="primary" onClick={() => void doApply()} disabled={Boolean(busy)}>
            Update {available.length} app{available.length > 1 ? 's' : ''}
          </Button>
        )}
        <Button onClick={() => void doRollback()} disabled={Boolean(busy)}>
          Roll back last update
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={busy} />}
      {applyAction.busy && <ProgressRows steps={operation.steps} />}
      {check && !busy && (
        <Text data-testid="updates-result">
          {available.length === 0
            ? 'Everything is up to date.'
            : `Updates for: ${available.map((x) => serviceName(x.service)).join(', ')}.`}
          {unchecked.length > 0 && ` Could not check: ${unchecked.map((x) => serviceName(x.service)).join(', ')}.`}
        </Text>
      )}
      {check && !busy && unchecked.length > 0 && (
        <TechnicalDetails text={unchecked.map((x) => `${x.service}: ${x.error}`).join('\n')} />
      )}
      {record && !busy && (
        <Text data-testid="updates-record">
          {isPlainText(record.message) ? record.message : recordText[record.outcome]}
        </Text>
      )}
      {record && !busy && !isPlainText(record.message) && <TechnicalDetails text={record.message} />}
      {error && <ErrorBar title="The update did not run." error={error} testId="updates-error" />}
    </div>
  );
}
