// @vitest-environment jsdom
// The dashboard's wiring panel: drift made by hand shows in the plan with its reason, Apply follows its own progress
// pushes, then the plan is read again (empty) and the link table shows the links after the repair.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WiringPlan } from '../../core/contract';
import { useProgressStore } from '../stores/progress-store';
import { failWith, fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { WiringPanel } from './WiringPanel';

afterEach(() => {
  cleanup();
  useProgressStore.setState({ state: { operations: {} } });
});

const drifted: WiringPlan = {
  pending: 2,
  failed: 0,
  steps: [
    {
      id: 'radarr.root-folders',
      service: 'radarr',
      dependsOn: [],
      changes: [{ service: 'radarr', resource: 'root folder /data/media/movies', action: 'create', reason: 'missing' }],
    },
    {
      id: 'seerr.plex',
      service: 'seerr',
      dependsOn: [],
      changes: [
        { service: 'seerr', resource: 'Plex libraries', action: 'update', reason: 'TV Shows is not enabled' },
        { service: 'seerr', resource: 'Plex server', action: 'nothing', reason: 'as wanted' },
      ],
    },
  ],
};
const clean: WiringPlan = {
  pending: 0,
  failed: 0,
  steps: drifted.steps.map((s) => ({ ...s, changes: s.changes.map((c) => ({ ...c, action: 'nothing' as const })) })),
};

describe('wiring panel', () => {
  it('drift shows in the plan → Apply → progress → the plan is empty and the links work', async () => {
    let repaired = false;
    let finishApply: () => void = () => undefined;
    const api = fakeUps({
      'wiring.plan': () => (repaired ? clean : drifted),
      'links.test': () => ({
        ok: repaired,
        links: [
          repaired
            ? { id: 'radarr->qbittorrent', from: 'radarr', to: 'qbittorrent', ok: true, detail: 'Test passed.' }
            : {
                id: 'radarr->qbittorrent',
                from: 'radarr',
                to: 'qbittorrent',
                ok: false,
                detail: 'Radarr has no root folder.',
                fix: 'Press Repair.',
              },
        ],
      }),
      'wiring.apply': ({ operationId }) =>
        new Promise((resolve) => {
          finishApply = () => {
            repaired = true;
            resolve({ operationId: operationId!, ok: true, steps: [] });
          };
        }),
    });
    api.subscribe(useProgressStore.getState().push);
    renderWithUps(api, <WiringPanel />);

    const plan = await screen.findByTestId('wiring-plan');
    expect(plan.textContent).toContain('Add root folder /data/media/movies');
    expect(plan.textContent).toContain('Change Plex librariesTV Shows is not enabled');
    expect(plan.textContent).not.toContain('Plex server');
    await waitFor(() =>
      expect(screen.getByTestId('link-radarr->qbittorrent').getAttribute('data-state')).toBe('failed'),
    );
    const button = screen.getByTestId('wiring-apply');
    expect(button.textContent).toBe('Apply 2 change(s)');

    fireEvent.click(button);
    await waitFor(() => expect(api.count('wiring.apply')).toBe(1));
    const mine = api.inputs('wiring.apply')[0]!.operationId!;
    act(() =>
      api.emit({
        type: 'progress',
        progress: { operationId: mine, step: 'radarr.root-folders', current: 0, total: 2, message: 'reading' },
      }),
    );
    expect((await screen.findByTestId('progress-radarr.root-folders')).textContent).toContain('reading');
    expect(screen.getByTestId('wiring-apply').textContent).toBe('Connecting…');
    act(() => finishApply());

    await screen.findByTestId('wiring-plan-empty');
    expect(screen.queryByTestId('wiring-plan')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('link-radarr->qbittorrent').getAttribute('data-state')).toBe('ok'));
    expect(screen.getByTestId('wiring-apply').textContent).toBe('Repair');
    expect(api.count('wiring.plan')).toBe(2);
  });

  it('shows a step that could not be read, and a failed apply with each reason and fix', async () => {
    const api = fakeUps({
      'wiring.plan': () => ({
        pending: 0,
        failed: 1,
        steps: [
          {
            id: 'nzbget.paths',
            service: 'nzbget',
            dependsOn: [],
            changes: [],
            error: { message: 'NZBGet did not answer.', fix: 'Start NZBGet, then press Repair.' },
          },
        ],
      }),
      'links.test': () => ({ ok: true, links: [] }),
      'wiring.apply': () =>
        failWith({ code: 'NOT_FOUND', message: 'No stack is configured yet.', fix: 'Finish the setup first.' }),
    });
    renderWithUps(api, <WiringPanel />);
    expect((await screen.findByTestId('wiring-unread-nzbget.paths')).textContent).toMatch(
      /^NZBGet could not be read\. NZBGet did not answer\. How to fix: Start NZBGet, then press Repair\.Technical details/,
    );
    expect(screen.queryByTestId('wiring-plan-empty')).toBeNull();
    fireEvent.click(screen.getByTestId('wiring-apply'));
    expect((await screen.findByTestId('wiring-error')).textContent).toContain('Finish the setup first.');
    expect(api.count('links.test')).toBe(1);
  });

  it('offers to keep a hand-edited value in arr.yml, and removes pruned items only on the confirming button', async () => {
    const plan: WiringPlan = {
      pending: 2,
      failed: 0,
      steps: [
        {
          id: 'radarr.naming',
          service: 'radarr',
          dependsOn: [],
          changes: [
            {
              service: 'radarr',
              resource: 'naming',
              action: 'update',
              reason: 'Differs from arr.yml in: renameMovies (now false).',
              keep: [{ path: ['radarr', 'naming', 'renameMovies'], value: false }],
            },
          ],
        },
        {
          id: 'prowlarr.indexers.prune',
          service: 'prowlarr',
          dependsOn: [],
          changes: [{ service: 'prowlarr', resource: 'indexer Manual', action: 'delete', reason: 'Not in arr.yml' }],
        },
      ],
    };
    const api = fakeUps({
      'wiring.plan': () => plan,
      'links.test': () => ({ links: [], ok: true }),
      'arrConfig.adopt': () => ({ file: '/srv/ups/arr.yml', written: true }),
      'wiring.apply': (input) => ({ operationId: input.operationId ?? 'x', steps: [], ok: true }),
    });
    renderWithUps(api, <WiringPanel />);
    fireEvent.click(await screen.findByTestId('wiring-keep'));
    await waitFor(() =>
      expect(api.inputs('arrConfig.adopt')).toEqual([{ path: ['radarr', 'naming', 'renameMovies'], value: false }]),
    );
    fireEvent.click(screen.getByTestId('wiring-apply'));
    await waitFor(() => expect(api.inputs('wiring.apply')).toHaveLength(1));
    expect(api.inputs('wiring.apply')[0]).not.toHaveProperty('confirmDeletes');
    fireEvent.click(screen.getByTestId('wiring-apply-deletes'));
    await waitFor(() => expect(api.inputs('wiring.apply')).toHaveLength(2));
    expect(api.inputs('wiring.apply')[1]).toMatchObject({ confirmDeletes: true });
  });
});
