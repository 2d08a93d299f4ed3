// @vitest-environment jsdom
// Replacing a download-client password in the Credentials dialog: the call carries the dialog's own operation id, its
// progress pushes show as rows, and what reached the client and the apps is shown, a failed app with its fix button.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { secretLabels, secretNames } from '../../core/contract';
import { useProgressStore } from '../stores/progress-store';
import { useDialogStore } from '../stores/dialog-store';
import { fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { CredentialsDialog } from './CredentialsDialog';

afterEach(() => {
  cleanup();
  useProgressStore.setState({ state: { operations: {} } });
  useDialogStore.setState({ open: undefined });
});

const status = () => ({
  backend: 'test keyring',
  entries: secretNames.map((name) => ({ name, label: secretLabels[name], envVar: 'X', set: true })),
});

describe('Credentials: replacing a download-client password', () => {
  it('shows the steps of its own operation and what reached the client and the apps', async () => {
    let finish: (v: unknown) => void = () => undefined;
    const api = fakeUps({
      'secrets.status': status,
      'secrets.set': () => new Promise((r) => (finish = r)) as never,
    });
    api.subscribe(useProgressStore.getState().push);
    renderWithUps(api, <CredentialsDialog />);
    fireEvent.click(screen.getByTestId('open-credentials'));
    const d = await screen.findByRole('dialog', { name: 'Credentials' });
    fireEvent.click(await within(d).findByRole('button', { name: `Replace ${secretLabels['qbittorrent.password']}` }));
    fireEvent.change(within(d).getByTestId('secret-input-qbittorrent.password'), { target: { value: 'new-pass-123' } });
    fireEvent.click(within(d).getByTestId('secret-save-qbittorrent.password'));
    await waitFor(() => expect(api.count('secrets.set')).toBe(1));
    const sent = api.inputs('secrets.set')[0]!;
    expect(sent).toMatchObject({ name: 'qbittorrent.password', value: 'new-pass-123' });
    expect(sent.operationId).toMatch(/^secret-[0-9a-f]{16}$/);

    const progress = (step: string, message: string) =>
      act(() =>
        api.emit({
          type: 'progress',
          progress: { operationId: sent.operationId!, step, current: 1, total: 3, message },
        }),
      );
    progress('secrets.qbittorrent', 'qBittorrent now uses the new password');
    progress('radarr.download-client.qbittorrent', 'Updating download client qBittorrent in Radarr');
    // Another window's operation is not this dialog's.
    act(() =>
      api.emit({
        type: 'progress',
        progress: { operationId: 'other-1', step: 'elsewhere', current: 0, total: 1, message: 'not ours' },
      }),
    );
    expect((await within(d).findByTestId('progress-secrets.qbittorrent')).textContent).toContain(
      'qBittorrent now uses the new password',
    );
    expect(within(d).getByTestId('progress-radarr.download-client.qbittorrent')).toBeTruthy();
    expect(within(d).queryByTestId('progress-elsewhere')).toBeNull();

    const step = (id: string, status: 'applied' | 'failed') => ({
      id,
      service: id.split('.')[0]!,
      dependsOn: [],
      changes: [],
      status,
      ...(status === 'failed'
        ? {
            error: {
              message: 'Sonarr did not answer.',
              fix: 'Start Sonarr, then repair the links.',
              action: { action: 'stack.up' as const, input: { services: ['sonarr' as const] }, label: 'Start Sonarr' },
            },
          }
        : {}),
    });
    await act(async () =>
      finish({
        name: 'qbittorrent.password',
        propagated: {
          client: 'changed',
          apps: {
            operationId: sent.operationId!,
            ok: false,
            steps: [
              step('radarr.download-client.qbittorrent', 'applied'),
              step('sonarr.download-client.qbittorrent', 'failed'),
            ],
          },
        },
      }),
    );
    const told = await within(d).findByTestId('secret-propagated');
    expect(told.textContent).toMatch(/now uses the new password; 1 app setting\(s\) updated\./);
    expect(told.textContent).toMatch(/Sonarr did not answer\. Start Sonarr, then repair the links\./);
    expect(within(told).getByRole('button', { name: 'Start Sonarr' })).toBeTruthy();
    expect(d.textContent).not.toContain('new-pass-123');
  }, 30_000);
});
