// A service's recent log lines (stack.logs), in a dialog; read each time it opens, reloaded on demand.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { AppDialog } from '../components/AppDialog';
import { CallView } from '../components/CallView';
import { serviceName } from '../display-names';
import { useCall } from '../use-call';

const useStyles = makeStyles({
  pre: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    maxHeight: '60vh',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** Mounted only while the dialog is open, so opening it reads the log afresh. */
function LogText({ service }: { service: string }) {
  const s = useStyles();
  const [logs, reload] = useCall('stack.logs', { service, tail: 200 });
  return (
    <>
      <CallView view={logs} what="Reading the log" failed="The log could not be read." retry={() => void reload()}>
        {(v) => (
          // The log is raw app output by nature: it is the technical detail the user asked for.
          <pre className={s.pre} tabIndex={0} aria-label={`Log of ${serviceName(service)}`} data-technical-details="">
            {v.text || '(empty)'}
          </pre>
        )}
      </CallView>
      <div>
        <Button onClick={() => void reload()} data-testid="logs-reload">
          Reload
        </Button>
      </div>
    </>
  );
}

export function LogsDialog({ service }: { service: string }) {
  return (
    <AppDialog
      trigger={
        <Button size="small" aria-label={`Logs of ${serviceName(service)}`}>
          Logs
        </Button>
      }
      title={`${serviceName(service)}: recent log`}
    >
      <LogText service={service} />
    </AppDialog>
  );
}
