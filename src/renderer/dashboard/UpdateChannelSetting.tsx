// Update channel (app.updateChannel.*): stable or beta for the desktop app's own updates. A change applies to the next
// check; browser mode and other doors answer "only in the desktop app", shown here with the fix while the rest of the
// dialog keeps working.
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { UpdateChannelName, UpsApi, UpsError } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';

export const CHANNEL_HINT =
  'Applies from the next check for app updates. Beta gets new versions earlier; after switching back to Stable, the next stable release newer than the installed version is offered.';

export function UpdateChannelSetting({ api }: { api: UpsApi }) {
  const [channel, setChannel] = useState<UpdateChannelName>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ title: string; error: UpsError }>();
  useEffect(() => {
    let live = true;
    void api.invoke('app.updateChannel.get', {}).then((r) => {
      if (!live) return;
      if (r.ok) setChannel(r.value.channel);
      else setError({ title: 'The update channel is not available here', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api]);
  const change = async (next: UpdateChannelName) => {
    setSaving(true);
    const r = await api.invoke('app.updateChannel.set', { channel: next });
    setSaving(false);
    if (r.ok) setChannel(r.value.channel);
    setError(r.ok ? undefined : { title: 'The update channel could not be changed', error: r.error });
  };
  return (
    <>
      <Field label="Update channel" hint={CHANNEL_HINT}>
        <RadioGroup
          value={channel ?? ''}
          disabled={channel === undefined || saving}
          onChange={(_, d) => void change(d.value as UpdateChannelName)}
          layout="horizontal"
          data-testid="setting-update-channel"
          data-channel={channel ?? 'unknown'}
        >
          <Radio value="stable" label="Stable" />
          <Radio value="beta" label="Beta" />
        </RadioGroup>
      </Field>
      {error && <ErrorBar title={error.title} error={error.error} testId="settings-channel-error" />}
    </>
  );
}
