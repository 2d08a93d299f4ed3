// Settings dialog: start with Windows (app.startAtLogin.*), the app's own updates (app.update.*, app.updateChannel.*) and the stack's time zone
// and ports (stack.settings.*), each with its error + fix.
import { Button, Spinner, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { AppUpdateState, UpsError } from '../../core/contract';
import { AppDialog } from '../components/AppDialog';
import { ErrorBar } from '../components/ErrorBar';
import { useUps } from '../ups-context';
import { StackSettingsForm } from './StackSettingsForm';
import { UpdateChannelSetting } from './UpdateChannelSetting';

const useStyles = makeStyles({ col: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function updateText(u: AppUpdateState): string {
  switch (u.kind) {
    case 'idle':
      return 'Not checked yet.';
    case 'checking':
      return 'Checking…';
    case 'none':
      return `Up to date (checked ${new Date(u.checkedAt).toLocaleString()}).`;
    case 'available':
      return `Version ${u.version} is available.`;
    case 'downloading':
      return `Downloading ${u.version}: ${Math.round(u.percent)} %.`;
    case 'ready':
      return `Version ${u.version} is ready: restart to install it.`;
    case 'error':
      return `The update failed: ${u.message}`;
  }
}

export function SettingsDialog() {
  const s = useStyles();
  const api = useUps();
  const [login, setLogin] = useState<boolean>();
  const [update, setUpdate] = useState<AppUpdateState>();
  const [error, setError] = useState<{ title: string; error: UpsError }>();
  const [busy, setBusy] = useState<string>();
  const load = async () => {
    setBusy('Reading settings…');
    const [l, u] = await Promise.all([api.invoke('app.startAtLogin.get', {}), api.invoke('app.update.status', {})]);
    setBusy(undefined);
    if (l.ok) setLogin(l.value.enabled);
    if (u.ok) setUpdate(u.value);
    const failed = !l.ok
      ? { title: 'Start with Windows is not available here', error: l.error }
      : !u.ok
        ? { title: 'App updates are not available here', error: u.error }
        : undefined;
    setError(failed);
  };
  const setStart = async (enabled: boolean) => {
    setBusy('Saving…');
    const res = await api.invoke('app.startAtLogin.set', { enabled });
    setBusy(undefined);
    if (res.ok) setLogin(res.value.enabled);
    setError(res.ok ? undefined : { title: 'Start with Windows could not be changed', error: res.error });
  };
  const runUpdate = async (action: 'check' | 'download' | 'install') => {
    setBusy(action === 'check' ? 'Checking for app updates…' : action === 'download' ? 'Downloading…' : 'Restarting…');
    const res = await api.invoke('app.update.run', { action });
    setBusy(undefined);
    if (res.ok) setUpdate(res.value);
    setError(res.ok ? undefined : { title: 'The app update did not run', error: res.error });
  };
  return (
    <AppDialog
      trigger={<Button data-testid="open-settings">Settings</Button>}
      name="settings"
      title="Settings"
      onOpen={() => void load()}
      bodyClassName={s.col}
    >
      <Switch
        label="Start with Windows"
        checked={login ?? false}
        disabled={login === undefined || Boolean(busy)}
        onChange={(_, d) => void setStart(d.checked)}
        data-testid="setting-start-at-login"
      />
      <div>
        <Text block>App updates: {update ? updateText(update) : 'unknown'}</Text>
        <Button
          onClick={() =>
            void runUpdate(update?.kind === 'available' ? 'download' : update?.kind === 'ready' ? 'install' : 'check')
          }
          disabled={Boolean(busy)}
        >
          {update?.kind === 'available'
            ? 'Download update'
            : update?.kind === 'ready'
              ? 'Restart and install'
              : 'Check for app updates'}
        </Button>
      </div>
      <UpdateChannelSetting />
      {busy && <Spinner size="tiny" label={busy} />}
      {error && <ErrorBar title={error.title} error={error.error} testId="settings-error" />}
      <StackSettingsForm />
    </AppDialog>
  );
}
