// @vitest-environment jsdom
// The update channel in the Settings dialog: read, changed (the next check uses it, the hint says so), a refused change
// shown with cause + fix, and browser mode's "only in the desktop app" answers leaving the dialog usable.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPorts, type StackSettings } from '../../core/contract';
import { failWith, fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { SettingsDialog } from './SettingsDialog';
import { CHANNEL_HINT, UpdateChannelSetting } from './UpdateChannelSetting';

afterEach(cleanup);

const desktopOnly = (what: string) =>
  failWith({
    code: 'NOT_FOUND',
    message: `${what} is a setting of the desktop app.`,
    fix: 'Change it in the desktop app (dashboard settings).',
  });
const stack: StackSettings = {
  installRoot: '/srv/ups',
  timeZone: 'Europe/Berlin',
  ports: { ...defaultPorts, radarr: 7878 },
  lanAccess: false,
  enabledPorts: ['radarr'],
};

describe('UpdateChannelSetting', () => {
  it('shows the stored channel, saves a change, and keeps the old one with cause + fix when refused', async () => {
    const api = fakeUps({
      'app.updateChannel.get': () => ({ channel: 'stable' }),
      'app.updateChannel.set': (input) => input,
    });
    renderWithUps(api, <UpdateChannelSetting />);
    const group = await screen.findByTestId('setting-update-channel');
    await waitFor(() => expect(group.getAttribute('data-channel')).toBe('stable'));
    expect(screen.getByText(CHANNEL_HINT)).toBeTruthy();
    expect((screen.getByLabelText('Stable') as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByLabelText('Beta'));
    await waitFor(() => expect(group.getAttribute('data-channel')).toBe('beta'));
    expect(api.inputs('app.updateChannel.set')).toEqual([{ channel: 'beta' }]);
    expect(screen.queryByTestId('settings-channel-error')).toBeNull();

    api.answer({
      'app.updateChannel.set': () =>
        failWith({
          code: 'INTERNAL',
          message: 'preferences.json is read-only',
          fix: 'Check the permissions of the app data folder.',
        }),
    });
    fireEvent.click(screen.getByLabelText('Stable'));
    const err = await screen.findByTestId('settings-channel-error');
    expect(err.textContent).toContain('The update channel could not be changed');
    expect(err.textContent).toContain('How to fix: Check the permissions');
    expect(group.getAttribute('data-channel')).toBe('beta');
  });
});

describe('SettingsDialog in browser mode', () => {
  it('says each desktop setting is only in the desktop app, with the fix, and the stack settings still work', async () => {
    const api = fakeUps({
      'app.startAtLogin.get': () => desktopOnly('"Start with Windows"'),
      'app.update.status': () =>
        failWith({
          code: 'NOT_FOUND',
          message: 'App updates are handled by the desktop app.',
          fix: 'Use the desktop app.',
        }),
      'app.updateChannel.get': () => desktopOnly('The update channel'),
      'stack.settings.get': () => stack,
    });
    renderWithUps(api, <SettingsDialog />);
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
    // Only the reads a dialog makes on opening; nothing is written.
    expect(new Set(api.log.map((c) => c.channel))).toEqual(
      new Set(['app.startAtLogin.get', 'app.update.status', 'app.updateChannel.get', 'stack.settings.get']),
    );
  });
});
