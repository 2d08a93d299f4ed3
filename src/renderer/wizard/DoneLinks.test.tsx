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
import { findInternalText } from '../internal-text';
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
    // One problem in plain words is the sentence itself; the step id stays under "Technical details".
    expect(screen.getByTestId('wiring-problems').textContent).toContain(
      'Radarr refused the download client: connection refused.',
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
    expect(screen.queryByTestId('wiring-problems')).toBeNull();
    expect(screen.getByTestId('links-ok').textContent).toBe('Every app is connected: all 2 links work.');
  });

  it('says what failed in plain words: step ids, web addresses and HTTP answers only under Technical details', async () => {
    useInstallWiringStore.getState().set({
      ...failedInstall,
      problems: [
        {
          step: 'qbittorrent.preferences',
          service: 'qbittorrent',
          why: 'qBittorrent failed on POST http://127.0.0.1:8080/api/v2/auth/login (HTTP 501: <HTML>Not Implemented</HTML>)',
          fix: 'qBittorrent reported an internal error: look at its logs, restart it, then try again.',
        },
        {
          step: 'radarr.root-folder',
          service: 'radarr',
          why: 'Radarr has no GET http://127.0.0.1:7878/api/v3/rootfolder (HTTP 404).',
          fix: 'Check that http://127.0.0.1:7878 points at Radarr and that its version is a supported one.',
        },
        {
          step: 'radarr.auth',
          service: 'radarr',
          why: 'Not attempted: radarr.root-folder did not complete.',
          fix: 'Fix radarr.root-folder first (see its error), then repair the links again.',
        },
      ],
      links: [
        {
          id: 'radarr->qbittorrent',
          name: 'Radarr → qBittorrent',
          state: 'failed',
          why: 'Radarr has no GET http://127.0.0.1:7878/api/v3/downloadclient (HTTP 404).',
          fix: 'Check that http://127.0.0.1:7878 points at Radarr and that its version is a supported one.',
        },
      ],
    });
    renderWithUps(fakeUps({}), <DoneLinks />);
    const problems = screen.getByTestId('wiring-problems');
    expect(problems.textContent).toContain('3 settings could not be written yet in qBittorrent and Radarr.');
    // Everything outside "Technical details" is plain: no id, web address or HTTP answer.
    const main = (root: HTMLElement) => {
      const copy = root.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[data-testid="technical-details"]').forEach((d) => d.remove());
      // Text node by text node, as a reader sees separate elements (textContent would glue "apps" and "Some").
      const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
      const parts: string[] = [];
      while (walker.nextNode()) parts.push(walker.currentNode.textContent ?? '');
      return parts.join(' ');
    };
    const shown = main(screen.getByTestId('done-links'));
    expect(findInternalText(shown)).toEqual([]);
    expect(shown).not.toMatch(/https?:\/\//);
    expect(shown).toContain('This connection does not work.');
    // The raw answers are kept for whoever helps, under Technical details.
    expect(problems.querySelector('[data-testid="technical-details"]')!.textContent).toContain('radarr.root-folder:');
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
