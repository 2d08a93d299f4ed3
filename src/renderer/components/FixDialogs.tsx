// Dialogs that only fix actions open (no button of their own on any screen): Plex sign-in and the environment checks.
import { useCall } from '../use-call';
import { AppDialog } from './AppDialog';
import { CallView } from './CallView';
import { CheckList } from './CheckList';
import { PlexSignIn } from './PlexSignIn';

/** Mounted only while the dialog is open, so each opening runs the checks afresh. */
function ChecksList() {
  const [checks] = useCall('env.check', { stack: true });
  return (
    <CallView view={checks} what="The checks">
      {(env) => <CheckList checks={env.checks} />}
    </CallView>
  );
}

export function FixDialogs() {
  return (
    <>
      <AppDialog name="plex-signin" title="Sign in to Plex">
        <PlexSignIn signedIn={false} />
      </AppDialog>
      <AppDialog name="checks" title="Environment checks">
        <ChecksList />
      </AppDialog>
    </>
  );
}
