// Step 6: sign in with plex.tv in the browser (PIN flow, issue 7); shows whether a Plex token is stored.
import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { UpsApi, UpsError } from '../../core/contract';
import { invokeByName, notAvailable, pendingChannels } from '../call';
import { ErrorBar } from '../components/ErrorBar';
import { NotAvailable } from '../components/NotAvailable';
import { StepFrame } from './StepFrame';
import { isSet, useSecretsStatus } from './use-secrets-status';
import { useWizard } from './use-wizard';

export function PlexStep({ api }: { api: UpsApi }) {
  const w = useWizard(api);
  const [secrets] = useSecretsStatus(api);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<UpsError>();
  const signIn = async () => {
    setBusy('Waiting for plex.tv…');
    const res = await invokeByName(api, pendingChannels.plexSignIn, {});
    setBusy(undefined);
    setError(res.ok ? undefined : res.error);
  };
  const signedIn = isSet(secrets, 'plex.token');
  return (
    <StepFrame
      title="Sign in to Plex"
      intro="Your Plex server is claimed for your plex.tv account, so your apps and friends can find it. You sign in on plex.tv in your browser; this app never sees your Plex password."
      onBack={() => void w.back()}
      onNext={() => void w.next()}
      nextLabel={signedIn ? 'Next' : 'Skip for now'}
      busy={busy}
    >
      <div>
        <Button appearance={signedIn ? 'secondary' : 'primary'} onClick={() => void signIn()} disabled={Boolean(busy)} data-testid="plex-signin">
          {signedIn ? 'Sign in again' : 'Sign in with plex.tv'}
        </Button>
      </div>
      {secrets.phase === 'ready' && <Text data-testid="plex-state">{signedIn ? `Signed in: your Plex token is stored in ${secrets.status.backend}.` : 'Not signed in yet.'}</Text>}
      {error && (notAvailable(error) ? <NotAvailable what="Plex sign-in" error={error} /> : <ErrorBar title="Plex sign-in failed" error={error} />)}
    </StepFrame>
  );
}
