// "See your logins": each service's generated login (user name, login pages), its password shown or copied only after
// the user's click. The password lives in this component's state while shown and is dropped on Hide or close.
import {
  Button,
  Link,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Login } from '../../core/contract';
import { AppDialog } from '../components/AppDialog';
import { CallView } from '../components/CallView';
import { ErrorBar } from '../components/ErrorBar';
import { useAction } from '../use-action';
import { useCall } from '../use-call';

// A web address breaks anywhere rather than pushing the table past the window at 200 % (ui-layout-dashboard.test.ts).
const useStyles = makeStyles({ url: { overflowWrap: 'anywhere', wordBreak: 'break-all' } });

/** Writes to the clipboard; false when the browser or window refuses (no permission, not a secure page). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function LoginRow({ login }: { login: Login }) {
  const s = useStyles();
  const reveal = useAction('logins.reveal');
  const [shown, setShown] = useState<string>();
  const [copied, setCopied] = useState<'yes' | 'refused'>();
  const ask = async () => {
    const res = await reveal.run({ name: login.secret });
    return res.ok ? res.value.password : undefined;
  };
  const show = async () => setShown(await ask());
  const copy = async () => {
    // Asked afresh for each copy; the value is not kept once on the clipboard.
    const password = shown ?? (await ask());
    if (password === undefined) return;
    setCopied((await copyText(password)) ? 'yes' : 'refused');
  };
  return (
    <>
      <TableRow data-testid={`login-${login.secret}`} data-stored={login.stored}>
        <TableCell>{login.apps}</TableCell>
        <TableCell>
          <Text font="monospace" data-testid={`login-user-${login.secret}`}>
            {login.username}
          </Text>
        </TableCell>
        <TableCell>
          {!login.stored && <Text>Not stored: run the setup again to create it.</Text>}
          {login.stored && (
            <>
              <Text font="monospace" data-testid={`login-password-${login.secret}`}>
                {shown ?? '••••••••••••'}
              </Text>{' '}
              {shown === undefined ? (
                <Button
                  size="small"
                  onClick={() => void show()}
                  disabled={reveal.busy}
                  aria-label={`Show the ${login.apps} password`}
                >
                  Show
                </Button>
              ) : (
                <Button size="small" onClick={() => setShown(undefined)} aria-label={`Hide the ${login.apps} password`}>
                  Hide
                </Button>
              )}{' '}
              <Button
                size="small"
                onClick={() => void copy()}
                disabled={reveal.busy}
                aria-label={`Copy the ${login.apps} password`}
              >
                {copied === 'yes' ? 'Copied' : 'Copy'}
              </Button>
              {reveal.busy && <Spinner size="extra-tiny" />}
              {copied === 'refused' && <Text> The clipboard refused it: use Show and copy it by hand.</Text>}
            </>
          )}
        </TableCell>
        <TableCell>
          {login.urls.map((url) => (
            <div key={url} className={s.url}>
              <Link href={url} target="_blank" rel="noreferrer">
                {url}
              </Link>
            </div>
          ))}
        </TableCell>
      </TableRow>
      {reveal.error && (
        <TableRow>
          <TableCell colSpan={4}>
            <ErrorBar title={`The ${login.apps} password cannot be shown`} error={reveal.error} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}

/** Mounted only while the dialog is open: opening reads the list afresh, closing forgets every shown password. */
function LoginsList() {
  const [logins, reload] = useCall('logins.list');
  return (
    <CallView
      view={logins}
      what="Reading your logins"
      failed="Your logins could not be read."
      retry={() => void reload()}
    >
      {(l) =>
        l.logins.length === 0 ? (
          <Text>No stack is installed yet, so there are no logins to show.</Text>
        ) : (
          <>
            <Text>
              The app made these logins when it installed your stack. Passwords stay in your system's credential store;
              one is shown or copied only when you ask.
            </Text>
            <Table aria-label="Logins" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>App</TableHeaderCell>
                  <TableHeaderCell>User name</TableHeaderCell>
                  <TableHeaderCell>Password</TableHeaderCell>
                  <TableHeaderCell>Sign in at</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {l.logins.map((login) => (
                  <LoginRow key={login.secret} login={login} />
                ))}
              </TableBody>
            </Table>
          </>
        )
      }
    </CallView>
  );
}

export function LoginsDialog({ label = 'Logins' }: { label?: string }) {
  return (
    <AppDialog trigger={<Button data-testid="open-logins">{label}</Button>} title="Your logins">
      <LoginsList />
    </AppDialog>
  );
}
