// Indexers dialog: the indexers (from arr.yml or only in Prowlarr), Prowlarr's own definition list (public ones unless
// asked), and a form per definition that Prowlarr tests before anything is saved; secret fields go to the vault.
import {
  Button,
  Checkbox,
  Field,
  Input,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { CallOutput } from '../../core/contract';
import { AppDialog } from '../components/AppDialog';
import { ErrorBar } from '../components/ErrorBar';
import { useAction } from '../use-action';
import { useCall } from '../use-call';

type Definition = CallOutput<'indexers.definitions'>['definitions'][number];

/** One definition's fields (advanced ones left at Prowlarr's defaults); Test asks Prowlarr, Add tests then saves. */
function AddIndexer({ def, onDone }: { def: Definition; onDone(): void }) {
  const [name, setName] = useState(def.name);
  const [values, setValues] = useState<Record<string, string>>({});
  const add = useAction('indexers.add');
  const [outcome, setOutcome] = useState<CallOutput<'indexers.add'>>();
  const fields = def.fields.filter((f) => !f.advanced && f.type !== 'select');
  const send = async (testOnly: boolean) => {
    const res = await add.run({ name, definition: def.definition, fields: values, ...(testOnly ? { testOnly } : {}) });
    if (!res.ok) return;
    setOutcome(res.value);
    if (res.value.saved) {
      setValues({}); // typed secrets are dropped as soon as the vault has them
      onDone();
    }
  };
  return (
    <div data-testid={`indexer-form-${def.definition}`}>
      <Field label="Name">
        <Input value={name} onChange={(_, d) => setName(d.value)} data-testid="indexer-name" />
      </Field>
      {fields.map((f) => (
        <Field key={f.name} label={f.label}>
          <Input
            type={f.secret ? 'password' : 'text'}
            autoComplete="off"
            value={values[f.name] ?? ''}
            onChange={(_, d) => setValues((v) => ({ ...v, [f.name]: d.value }))}
            data-testid={`indexer-field-${f.name}`}
          />
        </Field>
      ))}
      <div>
        <Button onClick={() => void send(true)} disabled={add.busy} data-testid="indexer-test">
          Test
        </Button>{' '}
        <Button appearance="primary" onClick={() => void send(false)} disabled={add.busy} data-testid="indexer-add">
          Test and add
        </Button>
        {add.busy && <Spinner size="extra-tiny" label="Prowlarr is testing…" />}
      </div>
      {outcome && (
        <Text data-testid="indexer-outcome" role="status">
          {outcome.ok
            ? outcome.saved
              ? `${name} was added to Prowlarr and arr.yml.`
              : 'Prowlarr reached the indexer.'
            : `Prowlarr refused: ${outcome.messages.join('; ')}`}
        </Text>
      )}
      {add.error && <ErrorBar title="The indexer could not be added" error={add.error} />}
    </div>
  );
}

function IndexersBody() {
  const [list, reloadList] = useCall('indexers.list');
  const [includePrivate, setIncludePrivate] = useState(false);
  const [search, setSearch] = useState('');
  const [defs] = useCall('indexers.definitions', { includePrivate, ...(search ? { search } : {}) });
  const [chosen, setChosen] = useState<Definition>();
  return (
    <>
      {list.phase === 'loading' && <Spinner size="tiny" label="Reading Prowlarr…" />}
      {list.phase === 'error' && <ErrorBar title="The indexers cannot be read" error={list.error} />}
      {list.phase === 'ready' && (
        <Table aria-label="Indexers" size="small">
          <TableBody>
            {list.status.indexers.map((i) => (
              <TableRow key={i.name} data-testid={`indexer-${i.name}`}>
                <TableCell>{i.name}</TableCell>
                <TableCell>{i.definition}</TableCell>
                <TableCell>{i.managed ? 'In arr.yml' : 'Only in Prowlarr (left alone)'}</TableCell>
                <TableCell>
                  {i.inProwlarr ? (i.enable ? 'Enabled' : 'Disabled') : 'Not in Prowlarr yet: apply'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Field label="Find a definition">
        <Input value={search} onChange={(_, d) => setSearch(d.value)} data-testid="indexer-search" />
      </Field>
      <Checkbox
        label="Include private trackers (they need an account)"
        checked={includePrivate}
        onChange={(_, d) => setIncludePrivate(d.checked === true)}
      />
      {defs.phase === 'loading' && <Spinner size="tiny" label="Reading Prowlarr's definitions…" />}
      {defs.phase === 'error' && <ErrorBar title="Prowlarr's definitions cannot be read" error={defs.error} />}
      {defs.phase === 'ready' && (
        <Table aria-label="Indexer definitions" size="small">
          <TableBody>
            {defs.status.definitions.slice(0, 50).map((d) => (
              <TableRow key={d.definition} data-testid={`definition-${d.definition}`}>
                <TableCell>{d.name}</TableCell>
                <TableCell>{d.privacy}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setChosen(d)} aria-label={`Add ${d.definition}`}>
                    Add…
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {chosen && <AddIndexer key={chosen.definition} def={chosen} onDone={() => void reloadList()} />}
    </>
  );
}

/** The dashboard's "Indexers" button by default; the wizard's Done screen opens the same dialog as its next step. */
export function IndexersDialog({
  label = 'Indexers',
  testId = 'open-indexers',
  primary = false,
}: { label?: string; testId?: string; primary?: boolean } = {}) {
  return (
    <AppDialog
      trigger={
        <Button data-testid={testId} appearance={primary ? 'primary' : 'secondary'}>
          {label}
        </Button>
      }
      title="Indexers"
    >
      <IndexersBody />
    </AppDialog>
  );
}
