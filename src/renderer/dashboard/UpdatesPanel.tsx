// Updates of the stack's images (update.check/apply/rollback, health-gated in the engine): check on demand, apply or roll
// back with the progress pushes shown as bars; every failure shows its cause and fix.
import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { UpdateCheck, UpdateRecord, UpsApi, UpsError } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { ProgressRows } from '../components/ProgressRows';
import { useProgressStore } from '../stores/progress-store';

const useStyles = makeStyles({ col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' }, row: { display: 'flex', gap: tokens.spacingHorizontalS } });

export function UpdatesPanel({ api }: { api: UpsApi }) {
  const s = useStyles();
  const [check, setCheck] = useState<UpdateCheck>();
  const [record, setRecord] = useState<UpdateRecord>();
  const [error, setError] = useState<UpsError>();
  const [busy, setBusy] = useState<string>();
  const before = useRef<Set<string>>(new Set());
  const operations = useProgressStore((st) => st.state.operations);
  const act = async (label: string, run: () => Promise<void>) => {
    before.current = new Set(Object.keys(useProgressStore.getState().state.operations));
    setBusy(label);
    setError(undefined);
    await run();
    setBusy(undefined);
  };
  const doCheck = () =>
    act('Checking for updates…', async () => {
      const r = await api.invoke('update.check', {});
      if (r.ok) setCheck(r.value);
      else setError(r.error);
    });
  const doRecord = (kind: 'update.apply' | 'update.rollback') =>
    act(kind === 'update.apply' ? 'Updating…' : 'Rolling back…', async () => {
      const r = kind === 'update.apply' ? await api.invoke('update.apply', { healthTimeoutSec: 180 }) : await api.invoke('update.rollback', {});
      if (r.ok) setRecord(r.value);
      else setError(r.error);
    });
  const available = check?.services.filter((x) => x.updateAvailable) ?? [];
  const steps = busy ? Object.entries(operations).filter(([id]) => !before.current.has(id)).flatMap(([, byStep]) => Object.values(byStep)) : [];
  return (
    <div className={s.col}>
      <div className={s.row}>
        <Button onClick={() => void doCheck()} disabled={Boolean(busy)}>
          Check for updates
        </Button>
        {available.length > 0 && (
          <Button appearance="primary" onClick={() => void doRecord('update.apply')} disabled={Boolean(busy)}>
            Update {available.length} app{available.length > 1 ? 's' : ''}
          </Button>
        )}
        <Button onClick={() => void doRecord('update.rollback')} disabled={Boolean(busy)}>
          Roll back last update
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={busy} />}
      <ProgressRows steps={steps} />
      {check && !busy && (
        <Text data-testid="updates-result">
          {available.length === 0 ? 'Everything is up to date.' : `Updates for: ${available.map((x) => x.service).join(', ')}.`}
          {check.services.filter((x) => x.error).map((x) => ` ${x.service}: ${x.error}.`)}
        </Text>
      )}
      {record && !busy && <Text data-testid="updates-record">{record.message}</Text>}
      {error && <ErrorBar title="The update did not run" error={error} testId="updates-error" />}
    </div>
  );
}
