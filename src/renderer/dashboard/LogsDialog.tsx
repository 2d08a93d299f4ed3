// A service's recent log lines (stack.logs), in a dialog; loaded when opened, reloaded on demand.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { UpsApi, UpsError } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';

const useStyles = makeStyles({
  pre: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'pre-wrap', maxHeight: '60vh', overflow: 'auto', backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium },
});

type Logs = { phase: 'idle' } | { phase: 'loading' } | { phase: 'ok'; text: string } | { phase: 'error'; error: UpsError };

export function LogsDialog({ api, service }: { api: UpsApi; service: string }) {
  const s = useStyles();
  const [logs, setLogs] = useState<Logs>({ phase: 'idle' });
  const load = async () => {
    setLogs({ phase: 'loading' });
    const res = await api.invoke('stack.logs', { service, tail: 200 });
    setLogs(res.ok ? { phase: 'ok', text: res.value.text } : { phase: 'error', error: res.error });
  };
  return (
    <Dialog onOpenChange={(_, d) => d.open && void load()}>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" aria-label={`Logs of ${service}`}>
          Logs
        </Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{service}: recent log</DialogTitle>
          <DialogContent>
            {logs.phase === 'loading' && <Spinner size="tiny" label="Reading the log…" />}
            {logs.phase === 'ok' && (
              <pre className={s.pre} tabIndex={0} aria-label={`Log of ${service}`}>
                {logs.text || '(empty)'}
              </pre>
            )}
            {logs.phase === 'error' && <ErrorBar title="The log could not be read" error={logs.error} />}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => void load()}>Reload</Button>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
