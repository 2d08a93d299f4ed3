// A fix as a button: pressing it performs the action (a call, or the dialog/view that finishes it) and says how it went.
import { Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FixAction } from '../../core/contract';
import { performFix, type FixOutcome } from '../fix-performers';
import { isPlainText } from '../internal-text';
import { useDialogStore } from '../stores/dialog-store';
import { useShellStore } from '../stores/shell-store';
import { useUps } from '../ups-context';

const useStyles = makeStyles({
  row: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function FixActionButton({ action, onDone }: { action: FixAction; onDone?: () => void }) {
  const s = useStyles();
  const api = useUps();
  const showDialog = useDialogStore((st) => st.show);
  const navigate = useShellStore((st) => st.navigate);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<FixOutcome>();
  const press = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const out = await performFix(action, { api, showDialog, navigate });
      setOutcome(out);
      if (out.kind === 'done') onDone?.();
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className={s.row}>
      <Button
        size="small"
        appearance="primary"
        onClick={() => void press()}
        disabled={busy}
        data-testid="fix-action"
        data-action={action.action}
      >
        {action.label}
      </Button>
      {busy && <Spinner size="extra-tiny" label="Working…" />}
      {outcome?.kind === 'done' && (
        <Caption1 role="status" data-testid="fix-outcome">
          Done.
        </Caption1>
      )}
      {outcome?.kind === 'failed' && (
        <Caption1 role="status" data-testid="fix-outcome">
          {/* Plain words only: raw engine text would be the main message; ErrorBar elsewhere shows it. */}
          It did not work{isPlainText(outcome.error.message) ? `: ${outcome.error.message}` : '.'}
          {outcome.error.fix && isPlainText(outcome.error.fix) ? ` ${outcome.error.fix}` : ''}
        </Caption1>
      )}
    </span>
  );
}
