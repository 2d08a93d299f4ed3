// Credentials dialog: which secrets are stored (names only) and a way to replace one; a stored value is never shown.
import { Button, Field, Input, Spinner, Table, TableBody, TableCell, TableRow, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { SecretValueSchema, type SecretName } from '../../core/contract';
import { AppDialog } from '../components/AppDialog';
import { useDialogStore } from '../stores/dialog-store';
import { ErrorBar } from '../components/ErrorBar';

const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);
import { useAction } from '../use-action';
import { useSecretsStatus } from '../wizard/use-secrets-status';

/** The form for one secret: the typed value lives here only, is sent to secrets.set, and is dropped afterwards. */
function ReplaceSecret({ name, label, onDone }: { name: SecretName; label: string; onDone(): void }) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string>();
  const store = useAction('secrets.set');
  const save = async () => {
    const checked = SecretValueSchema.safeParse(value);
    // The box names the field already: no field-path prefix (issue 20).
    if (!checked.success) return setProblem(sentence(checked.error.issues[0]?.message ?? 'this value is not valid'));
    const res = await store.run({ name, value });
    if (!res.ok) return;
    setValue('');
    onDone();
  };
  return (
    <>
      <Field label={`New value for ${label}`} validationMessage={problem} validationState={problem ? 'error' : 'none'}>
        <Input
          type="password"
          value={value}
          onChange={(_, d) => (setValue(d.value), setProblem(undefined))}
          autoComplete="off"
          data-testid={`secret-input-${name}`}
        />
      </Field>
      <div>
        <Button
          appearance="primary"
          onClick={() => void save()}
          disabled={store.busy}
          data-testid={`secret-save-${name}`}
        >
          Save
        </Button>
        {store.busy && <Spinner size="extra-tiny" label="Storing…" />}
      </div>
      {store.error && <ErrorBar title={`${label} could not be stored`} error={store.error} />}
    </>
  );
}

/** Mounted only while the dialog is open, so opening it reads the vault afresh. */
function CredentialsList() {
  const [secrets, reload] = useSecretsStatus();
  // Opened by a fix action for one secret ("set qbittorrent.password"): its form is open already.
  const requested = useDialogStore((st) => (st.open?.name === 'credentials' ? st.open.secret : undefined));
  const [editing, setEditing] = useState<SecretName | undefined>(requested);
  return (
    <>
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
    </>
  );
}

export function CredentialsDialog() {
  return (
    <AppDialog
      name="credentials"
      trigger={<Button data-testid="open-credentials">Credentials</Button>}
      title="Credentials"
    >
      <CredentialsList />
    </AppDialog>
  );
}
