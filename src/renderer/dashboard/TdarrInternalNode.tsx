// Tdarr's internal node as a setting (stack.yml `tdarr:`): run a node inside the server or leave the work to other PCs,
// and how many workers of each kind it runs. Saved through stack.settings.update, which recreates Tdarr.
import { Button, Checkbox, Field, Input, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { defaultTdarrWorkers, type TdarrConfig, type TdarrWorkers } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { useAction } from '../use-action';
import { useCall } from '../use-call';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  // Fluent's Input keeps a minimum width wider than a 140 px cell: without this the four counts overlap each other
  // and the last leaves the window (caught by ui-layout-dialogs.test.ts).
  count: { minWidth: 0, width: '100%' },
});

const workerLabels: Record<keyof TdarrWorkers, string> = {
  transcodeCpu: 'Transcode (CPU)',
  transcodeGpu: 'Transcode (GPU)',
  healthcheckCpu: 'Health check (CPU)',
  healthcheckGpu: 'Health check (GPU)',
};

const asText = (w: TdarrWorkers): Record<keyof TdarrWorkers, string> => ({
  transcodeCpu: String(w.transcodeCpu),
  transcodeGpu: String(w.transcodeGpu),
  healthcheckCpu: String(w.healthcheckCpu),
  healthcheckGpu: String(w.healthcheckGpu),
});

/** The form, started from the saved block (re-mounted when it changes, so what is shown is what is saved). */
function InternalNodeForm({ initial, onSaved }: { initial?: TdarrConfig; onSaved(): void }) {
  const s = useStyles();
  const update = useAction('stack.settings.update');
  const [internalNode, setInternalNode] = useState(initial?.internalNode ?? true);
  const [workers, setWorkers] = useState(asText(initial?.workers ?? defaultTdarrWorkers));
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setSaved(false);
    // A count that is not a number is sent as typed, so the core names the field and says what it accepts.
    const counts = Object.fromEntries(
      Object.entries(workers).map(([k, v]) => [k, /^\d+$/.test(v.trim()) ? Number(v.trim()) : v]),
    );
    const r = await update.run({ tdarr: { internalNode, workers: counts }, apply: true });
    if (r.ok) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <div data-testid="tdarr-internal-node">
      <Checkbox
        label="Also transcode on the Tdarr server itself (its internal node)"
        checked={internalNode}
        onChange={(_, d) => setInternalNode(d.checked === true)}
        data-testid="tdarr-internal-node-on"
      />
      {internalNode && (
        <div className={s.grid}>
          {(Object.keys(workerLabels) as (keyof TdarrWorkers)[]).map((k) => (
            <Field
              key={k}
              label={workerLabels[k]}
              {...(update.error?.field?.endsWith(`tdarr.workers.${k}`)
                ? { validationState: 'error' as const, validationMessage: update.error.message }
                : {})}
            >
              <Input
                className={s.count}
                inputMode="numeric"
                value={workers[k]}
                onChange={(_, d) => setWorkers({ ...workers, [k]: d.value })}
                data-testid={`tdarr-workers-${k}`}
              />
            </Field>
          ))}
        </div>
      )}
      <Button onClick={() => void save()} disabled={update.busy} data-testid="tdarr-internal-node-save">
        Save and restart Tdarr
      </Button>
      {update.busy && <Spinner size="extra-tiny" label="Saving…" />}
      {saved && <Text role="status">Saved. Tdarr restarts with these settings.</Text>}
      {update.error && <ErrorBar title="The Tdarr settings could not be changed" error={update.error} />}
    </div>
  );
}

export function TdarrInternalNode() {
  const [settings, reload] = useCall('stack.settings.get');
  if (settings.phase === 'loading') return <Spinner size="tiny" label="Reading the Tdarr settings…" />;
  if (settings.phase === 'error') return <ErrorBar title="The Tdarr settings cannot be read" error={settings.error} />;
  const initial = settings.status.tdarr;
  return <InternalNodeForm key={JSON.stringify(initial ?? null)} initial={initial} onSaved={() => void reload()} />;
}
