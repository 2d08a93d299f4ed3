// @vitest-environment jsdom
// The update channel in the Settings dialog: read, changed (the next check uses it, the hint says so), a refused change
// shown with cause + fix, and browser mode's "only in the desktop app" answers leaving the dialog usable.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StackSettings, UpsApi } from '../../core/contract';
import { SettingsDialog } from './SettingsDialog';
import { CHANNEL_HINT, UpdateChannelSetting } from './UpdateChannelSetting';

afterEach(cleanup);

const desktopOnly = (what: string) => ({ ok: false, error: { code: 'NOT_FOUND', message: `${what} is a setting of the desktop app.`, fix: 'Change it in the desktop app (dashboard settings).' } });
const stack: StackSettings = { installRoot: '/srv/ups', timeZone: 'Europe/Berlin', ports: { radarr: 7878 } as StackSettings['ports'], lanAccess: false, enabledPorts: ['radarr'] };

function fakeApi(answer: (channel: string, input: unknown) => unknown) {
  const sent: [string, unknown][] = [];
  const api = {
    async invoke(channel: string, input: unknown) {
      sent.push([channel, input]);
      return answer(channel, input);
    },
    subscribe: () => () => undefined,
  } as unknown as UpsApi;
  return { api, sent };
}

const ui = (node: React.ReactNode) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

describe('UpdateChannelSetting', () => {
  it('shows the stored channel, saves a change, and keeps the old one with cause + fix when refused', async () => {
    let refuse = false;
    const { api, sent } = fakeApi((channel, input) => {
      if (channel === 'app.updateChannel.get') return { ok: true, value: { channel: 'stable' } };
      if (refuse) return { ok: false, error: { code: 'INTERNAL', message: 'preferences.json is read-only', fix: 'Check the permissions of the app data folder.' } };
      return { ok: true, value: input };
    });
    ui(<UpdateChannelSetting api={api} />);
    const group = await screen.findByTestId('setting-update-channel');
    await waitFor(() => expect(group.getAttribute('data-channel')).toBe('stable'));
    expect(screen.getByText(CHANNEL_HINT)).toBeTruthy();
    expect((screen.getByLabelText('Stable') as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByLabelText('Beta'));
    await waitFor(() => expect(group.getAttribute('data-channel')).toBe('beta'));
    expect(sent.at(-1)).toEqual(['app.updateChannel.set', { channel: 'beta' }]);
    expect(screen.queryByTestId('settings-channel-error')).toBeNull();

    refuse = true;
    fireEvent.click(screen.getByLabelText('Stable'));
    const err = await screen.findByTestId('settings-channel-error');
    expect(err.textContent).toContain('The update channel could not be changed');
    expect(err.textContent).toContain('How to fix: Check the permissions');
    expect(group.getAttribute('data-channel')).toBe('beta');
  });
});

describe('SettingsDialog in browser mode', () => {
  it('says each desktop setting is only in the desktop app, with the fix, and the stack settings still work', async () => {
    const { api } = fakeApi((channel) => {
      if (channel === 'app.startAtLogin.get') return desktopOnly('"Start with Windows"');
      if (channel === 'app.update.status') return { ok: false, error: { code: 'NOT_FOUND', message: 'App updates are handled by the desktop app.', fix: 'Use the desktop app.' } };
      if (channel === 'app.updateChannel.get') return desktopOnly('The update channel');
      if (channel === 'stack.settings.get') return { ok: true, value: stack };
      throw new Error(`unexpected ${channel}`);
    });
    ui(<SettingsDialog api={api} />);
    fireEvent.click(screen.getByTestId('open-settings'));
    const dialog = await screen.findByRole('dialog');
    const err = await within(dialog).findByTestId('settings-channel-error');
    expect(err.getAttribute('data-code')).toBe('NOT_FOUND');
    expect(err.textContent).toContain('The update channel is a setting of the desktop app.');
    expect(err.textContent).toContain('How to fix: Change it in the desktop app');
    // Both radios stay visible but cannot be used; the rest of the dialog loads.
    expect((within(dialog).getByLabelText('Beta') as HTMLInputElement).disabled).toBe(true);
    expect(((await within(dialog).findByTestId('setting-time-zone')) as HTMLInputElement).value).toBe('Europe/Berlin');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeTruthy();
  });
});
