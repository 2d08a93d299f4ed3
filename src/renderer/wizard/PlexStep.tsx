// Step 6: sign in with plex.tv in the browser (PIN flow, issue 7); shows whether a Plex token is stored.
import { Text } from '@fluentui/react-components';
import type { UpsApi } from '../../core/contract';
import { PlexSignIn } from '../components/PlexSignIn';
import { StepFrame } from './StepFrame';
import { isSet, useSecretsStatus } from './use-secrets-status';
import { useWizard } from './use-wizard';

export function PlexStep({ api }: { api: UpsApi }) {
  const w = useWizard(api);
  const [secrets, reload] = useSecretsStatus(api);
  const signedIn = isSet(secrets, 'plex.token');
  return (
    <StepFrame
      title="Sign in to Plex"
      intro="Your Plex server is claimed for your plex.tv account, so your apps and friends can find it. You sign in on plex.tv in your browser; this app never sees your Plex password."
      onBack={() => void w.back()}
      onNext={() => void w.next()}
      nextLabel={signedIn ? 'Next' : 'Skip for now'}
    >
      <PlexSignIn api={api} signedIn={signedIn} onSignedIn={() => void reload()} />
      {secrets.phase === 'ready' && (
        <Text data-testid="plex-state">{signedIn ? `Signed in: your Plex token is stored in ${secrets.status.backend}.` : 'Not signed in yet. You can also sign in when the install is done.'}</Text>
      )}
    </StepFrame>
  );
}
