// Dialogs that only fix actions open (no button of their own on any screen): Plex sign-in, the environment checks and
// restoring the previous stack files.
import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { RestorePreviousResult } from '../../core/contract';
import { useAction } from '../use-action';
import { useCall } from '../use-call';
import { AppDialog } from './AppDialog';
import { CallView } from './CallView';
import { CheckList } from './CheckList';
import { ErrorBar } from './ErrorBar';
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

/** Says what restoring does before it overwrites anything; the restored backup and the new backup are named after. */
function RestorePrevious() {
  const restore = useAction('install.restorePrevious');
  const [done, setDone] = useState<RestorePreviousResult>();
  if (done)
    return (
      <Text data-testid="restore-previous-done">
        The stack’s settings files are back to their previous version.
        {done.keptAs ? ' The ones they replaced are kept in a backup too.' : ''} Restart the stack to use them.
      </Text>
    );
  return (
    <>
      <Text>
        This puts back the last saved version of the stack’s settings files. The current files are kept as a backup, so
        nothing is lost. Your media and the apps’ own settings are not touched.
      </Text>
      {restore.error && <ErrorBar title="The files were not restored" error={restore.error} />}
      <Button
        appearance="primary"
        data-testid="restore-previous-confirm"
        disabled={restore.busy}
        onClick={async () => {
          const res = await restore.run({});
          if (res.ok) setDone(res.value);
        }}
      >
        {restore.busy ? 'Restoring…' : 'Restore'}
      </Button>
    </>
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
      <AppDialog name="restore-previous" title="Restore the previous version">
        <RestorePrevious />
      </AppDialog>
    </>
  );
}
