// "Export diagnostics" on the dashboard: the core writes the support zip (never a secret) where it always does; the
// screen shows that path with Copy, and Open folder where the door can open one (the desktop app).
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { DiagnosticsExport as Exported } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { useAction } from '../use-action';

export function DiagnosticsExport() {
  const exporter = useAction('diagnostics.export');
  const opener = useAction('diagnostics.openFolder');
  const [done, setDone] = useState<Exported>();
  const [copied, setCopied] = useState<'yes' | 'refused'>();
  const run = async () => {
    setDone(undefined);
    setCopied(undefined);
    const res = await exporter.run({});
    if (res.ok) setDone(res.value);
  };
  const copy = async (path: string) => {
    try {
      await navigator.clipboard.writeText(path);
      setCopied('yes');
    } catch {
      setCopied('refused');
    }
  };
  const missed = done?.entries.filter((e) => !e.collected).map((e) => e.name) ?? [];
  return (
    <>
      <Button onClick={() => void run()} disabled={exporter.busy} data-testid="diagnostics-export">
        Export diagnostics
      </Button>
      {exporter.busy && <Spinner size="tiny" label="Collecting logs, checks and settings…" />}
      {exporter.error && <ErrorBar title="Diagnostics could not be exported" error={exporter.error} />}
      {done && (
        <MessageBar intent="success" data-testid="diagnostics-done">
          <MessageBarBody>
            <MessageBarTitle>Diagnostics saved</MessageBarTitle>
            <Text font="monospace" data-testid="diagnostics-path">
              {done.path}
            </Text>{' '}
            <Text>
              ({Math.max(1, Math.round(done.bytes / 1024))} KB, no passwords or keys
              {missed.length ? `; not collected: ${missed.join(', ')}` : ''}).
            </Text>{' '}
            <Button size="small" onClick={() => void copy(done.path)} data-testid="diagnostics-copy">
              {copied === 'yes' ? 'Copied' : 'Copy path'}
            </Button>{' '}
            {done.canOpenFolder && (
              <Button
                size="small"
                onClick={() => void opener.run({})}
                disabled={opener.busy}
                data-testid="diagnostics-open-folder"
              >
                Open folder
              </Button>
            )}
            {copied === 'refused' && <Text> The clipboard refused it: select the path and copy it by hand.</Text>}
          </MessageBarBody>
        </MessageBar>
      )}
      {opener.error && <ErrorBar title="The folder could not be opened" error={opener.error} />}
    </>
  );
}
