// Plex sign-in (plex.signin.start / .poll): open plex.tv in the browser, then ask once every two seconds until the user
// approves (the flow plex.tv defines; the door owns the interval), with a time limit and Cancel. The token never comes here.
import { Button, Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { PlexSignInPoll, UpsError } from '../../core/contract';
import { useAction } from '../use-action';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
});
const POLL_MS = 2000;
const LIMIT_MS = 5 * 60_000;

type SignIn =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'waiting'; pinId: number; authUrl: string; since: number }
  | { phase: 'done'; result: Extract<PlexSignInPoll, { status: 'signed-in' }> }
  | { phase: 'error'; error: UpsError };

/** On success the parent step says who signed in and the claim state (plex.account, after onSignedIn); a failed claim shows here. */
export function PlexSignIn({ signedIn, onSignedIn }: { signedIn: boolean; onSignedIn?: () => void }) {
  const s = useStyles();
  const [state, setState] = useState<SignIn>({ phase: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { run: startSignIn } = useAction('plex.signin.start');
  const { run: poll } = useAction('plex.signin.poll');
  // The parent's latest callback, read when the poll succeeds: as an effect dependency, a parent re-rendering more
  // often than POLL_MS (a new arrow each time) restarted the timer before it fired, and no poll ever ran.
  const signedInRef = useRef(onSignedIn);
  useEffect(() => {
    signedInRef.current = onSignedIn;
  }, [onSignedIn]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const start = async () => {
    setState({ phase: 'starting' });
    const res = await startSignIn({});
    if (!res.ok) return setState({ phase: 'error', error: res.error });
    window.open(res.value.authUrl, '_blank', 'noopener');
    setState({ phase: 'waiting', pinId: res.value.pinId, authUrl: res.value.authUrl, since: Date.now() });
  };
  useEffect(() => {
    if (state.phase !== 'waiting') return;
    timer.current = setTimeout(async () => {
      if (Date.now() - state.since > LIMIT_MS) {
        return setState({
          phase: 'error',
          error: {
            code: 'NOT_FOUND',
            message: 'plex.tv did not report a sign-in within 5 minutes.',
            fix: 'Sign in again and approve the request on the plex.tv page.',
          },
        });
      }
      const res = await poll({ pinId: state.pinId });
      if (!res.ok) return setState({ phase: 'error', error: res.error });
      if (res.value.status === 'waiting') return setState({ ...state });
      setState({ phase: 'done', result: res.value });
      signedInRef.current?.();
    }, POLL_MS);
    return () => clearTimeout(timer.current);
  }, [poll, state]);
  return (
    <div className={s.col} data-testid="plex-signin-panel" data-phase={state.phase}>
      {state.phase !== 'waiting' && (
        <Button
          appearance={signedIn ? 'secondary' : 'primary'}
          onClick={() => void start()}
          disabled={state.phase === 'starting'}
          data-testid="plex-signin"
        >
          {signedIn || state.phase === 'done' ? 'Sign in again' : 'Sign in with plex.tv'}
        </Button>
      )}
      {state.phase === 'starting' && <Spinner size="tiny" label="Asking plex.tv…" />}
      {state.phase === 'waiting' && (
        <>
          <Spinner size="tiny" label="Waiting for you to approve on plex.tv…" />
          <Text>
            If no page opened,{' '}
            <Link href={state.authUrl} target="_blank" rel="noreferrer" data-testid="plex-auth-url">
              open plex.tv here
            </Link>
            .
          </Text>
          <Button onClick={() => setState({ phase: 'idle' })}>Cancel</Button>
        </>
      )}
      {state.phase === 'done' && !state.result.claim.ok && (
        <ErrorBar
          title={`Signed in${state.result.account ? ` as ${state.result.account.username}` : ''}, but the server is not claimed yet`}
          error={{
            code: 'INTERNAL',
            message: state.result.claim.detail,
            fix: state.result.claim.fix,
            action: state.result.claim.action,
          }}
        />
      )}
      {state.phase === 'error' && <ErrorBar title="Plex sign-in failed" error={state.error} testId="plex-error" />}
    </div>
  );
}
