// @vitest-environment jsdom
// The checks as a guide: problems first in the core's order, dependants "Waiting" (not failed), passed and not-needed
// checks folded into one line each, a copy button for every command and a link for every download; badges carry icons.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../core/contract';
import { fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { CheckList } from './CheckList';

afterEach(cleanup);

const checks: CheckResult[] = [
  { id: 'windows.version', title: 'Windows version', state: 'ok', detail: 'Windows 11.', fixes: [] },
  {
    id: 'docker-desktop.wsl2',
    title: 'Docker Desktop installed',
    state: 'fail',
    detail: 'Docker Desktop is not installed.',
    fixes: [
      {
        kind: 'steps',
        text: 'Install Docker Desktop, then start it.',
        command: 'winget install -e --id Docker.DockerDesktop',
        link: { label: 'Download Docker Desktop for Windows', url: 'https://docs.docker.com/desktop/' },
      },
    ],
  },
  {
    id: 'docker.engine',
    title: 'Docker engine reachable',
    state: 'waiting',
    detail: 'Checked once "Docker Desktop installed" passes.',
    fixes: [],
    waitingOn: 'docker-desktop.wsl2',
  },
  { id: 'vault.usable', title: 'Password store', state: 'ok', detail: 'Usable.', fixes: [] },
  { id: 'host.disk', title: 'Disk', state: 'ok', detail: 'Room.', fixes: [] },
  { id: 'x.na1', title: 'Linux thing', state: 'not-applicable', detail: 'Not applicable.', fixes: [] },
  { id: 'x.na2', title: 'Other thing', state: 'not-applicable', detail: 'Not applicable.', fixes: [] },
];

describe('CheckList', () => {
  it('shows the failure first, its dependant waiting, and folds passed and not-needed checks into one line each', () => {
    renderWithUps(fakeUps(), <CheckList checks={checks} />);
    const list = screen.getByTestId('checks');
    const cards = [...list.querySelectorAll(':scope > [data-testid^="check-"]')].map((e) =>
      e.getAttribute('data-testid'),
    );
    expect(cards).toEqual(['check-docker-desktop.wsl2', 'check-docker.engine']);
    const waiting = screen.getByTestId('check-docker.engine');
    expect(waiting.getAttribute('data-state')).toBe('waiting');
    expect(within(waiting).getByText('Waiting')).toBeTruthy();
    expect(within(waiting).queryByText('Failed')).toBeNull();
    const passed = screen.getByTestId('checks-passed');
    expect(passed.tagName).toBe('DETAILS');
    expect((passed as HTMLDetailsElement).open).toBe(false);
    expect(within(passed).getByText('✓ 3 checks passed')).toBeTruthy();
    expect(within(screen.getByTestId('checks-not-needed')).getByText('2 checks do not apply to this PC')).toBeTruthy();
  });

  it('every badge carries an icon as well as a colour', () => {
    renderWithUps(fakeUps(), <CheckList checks={checks} />);
    for (const id of ['docker-desktop.wsl2', 'docker.engine', 'windows.version', 'x.na1']) {
      const badge = screen.getByTestId(`check-${id}`).querySelector('[data-icon]');
      expect(badge?.getAttribute('data-icon'), id).toMatch(/^\S$/);
    }
  });

  it('a manual step has a Copy button for its command and a link to its download page', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithUps(fakeUps(), <CheckList checks={checks} />);
    const card = screen.getByTestId('check-docker-desktop.wsl2');
    fireEvent.click(within(card).getByRole('button', { name: 'Copy command' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('winget install -e --id Docker.DockerDesktop'));
    expect(await within(card).findByText('Copied.')).toBeTruthy();
    const link = within(card).getByRole('link', { name: 'Download Docker Desktop for Windows' });
    expect(link.getAttribute('href')).toBe('https://docs.docker.com/desktop/');
  });
});
