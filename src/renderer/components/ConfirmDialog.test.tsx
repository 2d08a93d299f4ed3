// @vitest-environment jsdom
// Confirmations before disruptive actions: the dialog says what will happen, yes runs it, Cancel does not. Wired into
// roll back (UpdatesPanel); save-and-restart is covered in StackSettingsForm.test.tsx.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { UpdatesPanel } from '../dashboard/UpdatesPanel';
import { fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { deleteLocalCopyText, settingsRestartText } from './confirm-texts';

afterEach(cleanup);

describe('roll back asks first', () => {
  it('Cancel leaves the update in place; Roll back runs update.rollback', async () => {
    const api = fakeUps({
      'update.rollback': () => ({
        id: 'rollback-1',
        kind: 'rollback',
        startedAt: '2026-01-01T00:00:00Z',
        finishedAt: '2026-01-01T00:01:00Z',
        outcome: 'rolled-back',
        before: {},
        after: {},
        failed: [],
        message: 'Rolled back radarr.',
      }),
    });
    renderWithUps(api, <UpdatesPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Roll back last update' }));
    expect((await screen.findByTestId('confirm-dialog')).textContent).toMatch(/previous versions and restart/);
    fireEvent.click(screen.getByTestId('confirm-no'));
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
    expect(api.count('update.rollback')).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Roll back last update' }));
    fireEvent.click(await screen.findByTestId('confirm-yes'));
    await waitFor(() => expect(api.count('update.rollback')).toBe(1));
  });
});

describe('confirmation texts', () => {
  it('name what restarts and how much is deleted', () => {
    // The list is the core's (stack.settings.plan); the text only names the apps in it.
    expect(settingsRestartText({ restart: ['vpn', 'plex', 'radarr'], total: 3 })).toMatch(/^Every app restarts/);
    expect(settingsRestartText({ restart: ['radarr', 'sonarr'], total: 8 })).toBe(
      'Radarr and Sonarr restart to use the new settings: unreachable for about a minute.',
    );
    expect(settingsRestartText({ restart: ['vpn', 'qbittorrent'], total: 8 })).toMatch(/^VPN and qBittorrent restart/);
    expect(settingsRestartText({ restart: [], total: 8 })).toMatch(/no app restarts/);
    expect(deleteLocalCopyText(120 * 1024 ** 3)).toBe(
      'The local copy (120.0 GB) of your media is deleted from this PC. The copy on the NAS stays. This cannot be undone.',
    );
  });
});
