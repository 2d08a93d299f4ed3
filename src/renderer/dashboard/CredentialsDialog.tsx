// Credentials dialog: which secrets are stored (names only) and a way to replace one; a stored value is never shown.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input, Spinner, Table, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { SecretValueSchema, type SecretName, type UpsApi, type UpsError } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { useSecretsStatus } from '../wizard/use-secrets-status';

/** The form for one secret: the typed value lives here only, is sent to secrets.set, and is dropped afterwards. */
function ReplaceSecret({ api, name, label, onDone }: { api: UpsApi; name: SecretName; label: string; onDone(): void }) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<UpsError>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const checked = SecretValueSchema.safeParse(value);
    if (!checked.success) return setProblem(`${name}: ${checked.error.issues[0]?.message ?? 'invalid'}`);
    setBusy(true);
    const res = await api.invoke('secrets.set', { name, value });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setValue('');
    onDone();
  };
  return (
    <>
      <Field label={`New value for ${label}`} validationMessage={problem} validationState={problem ? 'error' : 'none'}>
        <Input type="password" value={value} onChange={(_, d) => (setValue(d.value), setProblem(undefined))} autoComplete="off" data-testid={`secret-input-${name}`} />
      </Field>
      <div>
        <Button appearance="primary" onClick={() => void save()} disabled={busy} data-testid={`secret-save-${name}`}>
          Save
        </Button>
        {busy && <Spinner size="extra-tiny" label="Storing…" />}
      </div>
      {error && <ErrorBar title={`${label} could not be stored`} error={error} />}
    </>
  );
}

export function CredentialsDialog({ api }: { api: UpsApi }) {
  const [secrets, reload] = useSecretsStatus(api);
  const [editing, setEditing] = useState<SecretName>();
  return (
    <Dialog onOpenChange={(_, d) => d.open && void reload()}>
      <DialogTrigger disableButtonEnhancement>
        <Button data-testid="open-credentials">Credentials</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Credentials</DialogTitle>
          <DialogContent>
            {secrets.phase === 'loading' && <Spinner size="tiny" label="Reading the credential store…" />}
            {secrets.phase === 'error' && <ErrorBar title="The credential store cannot be read" error={secrets.error} />}
            {secrets.phase === 'ready' && (
              <>
                <Text>Stored in {secrets.status.backend}. Values are never shown: you can only replace them.</Text>
                <Table aria-label="Credentials" size="small">
                  <TableBody>
                    {secrets.status.entries.map((e) => (
                      <TableRow key={e.name} data-testid={`secret-${e.name}`} data-set={e.set}>
                        <TableCell>{e.label}</TableCell>
                        <TableCell>{e.set ? 'Stored' : 'Not set'}</TableCell>
                        <TableCell>
                          <Button size="small" onClick={() => setEditing(e.name)} aria-label={`Replace ${e.label}`}>
                            Replace
                          </Button>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                {editing && (
                  <ReplaceSecret
                    key={editing}
                    api={api}
                    name={editing}
                    label={secrets.status.entries.find((e) => e.name === editing)?.label ?? editing}
                    onDone={() => {
                      setEditing(undefined);
                      void reload();
                    }}
                  />
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary">Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
