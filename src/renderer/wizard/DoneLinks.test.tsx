// @vitest-environment jsdom
// The Done screen's links: the install's link table with each state, Retry (wiring.apply then links.test) following
// its own progress pushes, and the links tested in place when no install ran in this window.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StackWiringResult } from '../../core/contract';
import { useInstallWiringStore } from '../stores/install-wiring-store';
import { useProgressStore } from '../stores/progress-store';
import { fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { DoneLinks } from './DoneLinks';

const failedInstall: StackWiringResult = {
  operationId: 'install-0123456789abcdef',
  ok: false,
  planned: 12,
  applied: 10,
  problems: [
    {
      step: 'radarr.download-client',
      service: 'radarr',
      why: 'Radarr refused the download client: connection refused.',
      fix: 'Check that qBittorrent is running, then press Retry.',
    },
  ],
  links: [
    { id: 'ups->qbittorrent', name: 'This app → qBittorrent', state: 'ok', why: 'Logged in.' },
    {
      id: 'radarr->qbittorrent',
      name: 'Radarr → qBittorrent',
      state: 'failed',
      why: 'Radarr has no qBittorrent client.',
      fix: 'Press Retry.',
    },
  ],
};

afterEach(() => {
  cleanup();
  useInstallWiringStore.setState({ wiring: undefined });
  useProgressStore.setState({ state: { operations: {} } });
});

const rowState = (id: string) => screen.getByTestId(`link-${id}`).getAttribute('data-state');

describe('Done links', () => {
  it('lists every link of the install with its state; Retry re-applies, follows its progress and shows the new table', async () => {
    useInstallWiringStore.getState().set(failedInstall);
    let finishApply: () => void = () => undefined;
    const api = fakeUps({
      'wiring.apply': ({ operationId }) =>
        new Promise((resolve) => {
          finishApply = () =>
            resolve({
              operationId: operationId!,
              ok: true,
              steps: [
                { id: 'radarr.download-client', service: 'radarr', dependsOn: [], changes: [], status: 'applied' },
              ],
            });
        }),
      'links.test': () => ({
        ok: true,
        links: [
          { id: 'ups->qbittorrent', from: 'ups', to: 'qbittorrent', ok: true, detail: 'Logged in.' },
          { id: 'radarr->qbittorrent', from: 'radarr', to: 'qbittorrent', ok: true, detail: 'Test passed.' },
        ],
      }),
    });
    api.subscribe(useProgressStore.getState().push);
    renderWithUps(api, <DoneLinks />);

    expect(rowState('ups->qbittorrent')).toBe('ok');
    expect(rowState('radarr->qbittorrent')).toBe('failed');
    expect(screen.getByTestId('link-radarr->qbittorrent').textContent).toContain(
      'Radarr has no qBittorrent client. How to fix: Press Retry.',
    );
    expect(screen.getByTestId('wiring-problem-radarr.download-client').textContent).toContain(
      'Radarr refused the download client',
    );
    // The install's result is shown as is: nothing is tested again on mount.
    expect(api.count('links.test')).toBe(0);

    fireEvent.click(screen.getByTestId('links-retry'));
    await waitFor(() => expect(api.count('wiring.apply')).toBe(1));
    const mine = api.inputs('wiring.apply')[0]!.operationId!;
    expect(mine).toMatch(/^wiring-[0-9a-f]{16}$/);
    act(() => {
      api.emit({
        type: 'progress',
        progress: { operationId: 'install-someone-else', step: 'up', current: 1, total: 2, message: 'other' },
      });
      api.emit({
        type: 'progress',
        progress: { operationId: mine, step: 'radarr.download-client', current: 0, total: 1, message: 'writing' },
      });
    });
    expect((await screen.findByTestId('progress-radarr.download-client')).textContent).toContain('writing');
    expect(screen.queryByTestId('progress-up')).toBeNull();
    act(() => finishApply());

    await waitFor(() => expect(rowState('radarr->qbittorrent')).toBe('ok'));
    expect(api.log.map((c) => c.channel)).toEqual(['wiring.apply', 'links.test']);
    expect(screen.queryByTestId('links-failed')).toBeNull();
    expect(screen.queryByTestId('wiring-problem-radarr.download-client')).toBeNull();
    expect(screen.getByTestId('links-ok').textContent).toBe('Every app is connected: all 2 links work.');
  });

  it('tests the links in place when no install ran in this window, with no Retry while all work', async () => {
    const api = fakeUps({
      'links.test': () => ({
        ok: true,
        links: [{ id: 'seerr->plex', from: 'seerr', to: 'plex', ok: true, detail: 'Plex answers.' }],
      }),
    });
    renderWithUps(api, <DoneLinks />);
    await waitFor(() => expect(rowState('seerr->plex')).toBe('ok'));
    expect(screen.getByTestId('link-seerr->plex').textContent).toContain('Seerr → Plex');
    expect(screen.queryByTestId('links-retry')).toBeNull();
    expect(api.count('links.test')).toBe(1);
  });
});
