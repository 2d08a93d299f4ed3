// Step 6: sign in with plex.tv in the browser (PIN flow, docs/decisions.md D22) before install; shows who signed in (plex.account)
// and that the install will claim the server.
import { Text } from '@fluentui/react-components';
import { ErrorBar } from '../components/ErrorBar';
import { PlexSignIn } from '../components/PlexSignIn';
import { StepFrame } from './StepFrame';
import { plexServerText, usePlexAccount } from './use-plex-account';
import { isSet, useSecretsStatus } from './use-secrets-status';
import { useWizard } from './use-wizard';

export function PlexStep() {
  const w = useWizard();
  const [secrets, reload] = useSecretsStatus();
  const [account, reloadAccount] = usePlexAccount();
  const signedIn = isSet(secrets, 'plex.token');
  const who = account.phase === 'ready' && account.status.account ? ` as ${account.status.account.username}` : '';
  const server = account.phase === 'ready' && account.status.account ? ` ${plexServerText(account.status.server)}` : '';
  return (
    <StepFrame
      title="Sign in to Plex"
      intro="Your Plex server is claimed for your plex.tv account, so your apps and friends can find it. You sign in on plex.tv in your browser; this app never sees your Plex password."
      onBack={() => void w.back()}
      onNext={() => void w.next()}
      nextLabel={signedIn ? 'Next' : 'Skip for now'}
    >
      <PlexSignIn
        signedIn={signedIn}
        onSignedIn={() => {
          void reload();
          void reloadAccount();
        }}
      />
      {secrets.phase === 'ready' && (
        <Text data-testid="plex-state" data-account={who ? 'known' : 'unknown'}>
          {signedIn
            ? `Signed in${who}: your Plex token is stored in ${secrets.status.backend}.${server}`
            : 'Not signed in yet. You can also sign in when the install is done.'}
        </Text>
      )}
      {account.phase === 'error' && (
        <ErrorBar title="Could not ask plex.tv who is signed in" error={account.error} testId="plex-account-error" />
      )}
    </StepFrame>
  );
}
