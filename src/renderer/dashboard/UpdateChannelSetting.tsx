// Update channel (app.updateChannel.*): stable or beta for the desktop app's own updates. A change applies to the next
// check; browser mode and other doors answer "only in the desktop app", shown here with the fix while the rest of the
// dialog keeps working.
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import type { UpdateChannelName } from '../../core/contract';
import { ErrorBar } from '../components/ErrorBar';
import { useAction } from '../use-action';
import { useCall } from '../use-call';

export const CHANNEL_HINT =
  'Applies from the next check for app updates. Beta gets new versions earlier; after switching back to Stable, the next stable release newer than the installed version is offered.';

export function UpdateChannelSetting() {
  const [stored] = useCall('app.updateChannel.get');
  const save = useAction('app.updateChannel.set');
  // What the last successful change answered; until then, what was read.
  const [changed, setChanged] = useState<UpdateChannelName>();
  const channel = changed ?? (stored.phase === 'ready' ? stored.status.channel : undefined);
  const change = async (next: UpdateChannelName) => {
    const r = await save.run({ channel: next });
    if (r.ok) setChanged(r.value.channel);
  };
  const error =
    stored.phase === 'error'
      ? { title: 'The update channel is not available here', error: stored.error }
      : save.error
        ? { title: 'The update channel could not be changed', error: save.error }
        : undefined;
  return (
    <>
      <Field label="Update channel" hint={CHANNEL_HINT}>
        <RadioGroup
          value={channel ?? ''}
          disabled={channel === undefined || save.busy}
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
