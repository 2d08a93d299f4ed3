// Credentials dialog: which secrets are stored (names only) and a way to replace one; a stored value is never shown.
// A replaced download-client password goes to the client and the apps that use it: its steps show as progress rows.
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { SecretValueSchema, type SecretName, type SecretSetResult } from '../../core/contract';
import { FixActionButton } from '../components/FixActionButton';
import { ProgressRows } from '../components/ProgressRows';
import { useOperation } from '../use-operation';
import { AppDialog } from '../components/AppDialog';
import { useDialogStore } from '../stores/dialog-store';
import { ErrorBar } from '../components/ErrorBar';

const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);
import { useAction } from '../use-action';
import { useSecretsStatus } from '../wizard/use-secrets-status';

/** The form for one secret: the typed value lives here only, is sent to secrets.set, and is dropped afterwards. */
function ReplaceSecret({
  name,
  label,
  operationId,
  onDone,
}: {
  name: SecretName;
  label: string;
  operationId(): string;
  onDone(result: SecretSetResult): void;
}) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string>();
  const store = useAction('secrets.set');
  const save = async () => {
    const checked = SecretValueSchema.safeParse(value);
    // The box names the field already: no field-path prefix.
    if (!checked.success) return setProblem(sentence(checked.error.issues[0]?.message ?? 'this value is not valid'));
    const res = await store.run({ name, value, operationId: operationId() });
    if (!res.ok) return;
    setValue('');
    onDone(res.value);
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
        {store.busy && (
          <Spinner size="extra-tiny" label="Storing (a download client's password also goes to the apps)…" />
        )}
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
  const operation = useOperation('secret');
  const [last, setLast] = useState<SecretSetResult>();
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
              operationId={operation.next}
              onDone={(result) => {
                setEditing(undefined);
                setLast(result);
                void reload();
              }}
            />
          )}
          <ProgressRows steps={operation.steps} />
          {last?.propagated && <Propagated result={last} />}
        </>
      )}
    </>
  );
}

/** What a replaced download-client password reached: the client, then each app's entry (a failed one with its fix). */
function Propagated({ result }: { result: SecretSetResult }) {
  const { client, apps } = result.propagated!;
  const failed = apps.steps.filter((x) => x.error);
  const updated = apps.steps.filter((x) => x.status === 'applied').length;
  return (
    <MessageBar intent={apps.ok ? 'success' : 'warning'} data-testid="secret-propagated">
      <MessageBarBody>
        {client === 'changed' ? 'The download client now uses the new password' : 'The download client already used it'}
        {`; ${updated} app setting(s) updated.`}
        {failed.map((x) => (
          <div key={x.id}>
            {x.id}: {x.error!.message} {x.error!.fix}
            {x.error!.action && <FixActionButton action={x.error!.action} />}
          </div>
        ))}
      </MessageBarBody>
    </MessageBar>
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
