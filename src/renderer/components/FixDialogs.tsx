// Dialogs that only fix actions open (no button of their own on any screen): Plex sign-in, the environment checks and
// restoring the previous stack files.
import { Button, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useDialogStore } from '../stores/dialog-store';
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

/**
 * Says what restoring does before it overwrites anything; the restored backup and the new backup are named after.
 * Restore is the dialog's own action (Close then steps back to secondary), so the one primary button is the one that
 * acts.
 */
function RestorePreviousDialog() {
  const restore = useAction('install.restorePrevious');
  const [done, setDone] = useState<RestorePreviousResult>();
  // The dialog stays mounted: each opening starts from the question again, as when its body was remounted.
  const isOpen = useDialogStore((st) => st.open?.name === 'restore-previous');
  const { clearError } = restore;
  useEffect(() => {
    if (isOpen) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setDone(undefined);
    clearError();
  }, [isOpen, clearError]);
  return (
    <AppDialog
      name="restore-previous"
      title="Restore the previous version"
      actions={
        done ? undefined : (
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
        )
      }
    >
      {done ? (
        <Text data-testid="restore-previous-done">
          The stack’s settings files are back to their previous version.
          {done.keptAs ? ' The ones they replaced are kept in a backup too.' : ''} Restart the stack to use them.
        </Text>
      ) : (
        <>
          <Text>
            This puts back the last saved version of the stack’s settings files. The current files are kept as a backup,
            so nothing is lost. Your media and the apps’ own settings are not touched.
          </Text>
          {restore.error && <ErrorBar title="The files were not restored" error={restore.error} />}
        </>
      )}
    </AppDialog>
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
      <RestorePreviousDialog />
    </>
  );
}
