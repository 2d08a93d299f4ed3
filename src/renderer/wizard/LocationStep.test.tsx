// @vitest-environment jsdom
// The location step: the time zone is a searchable list starting on the PC's zone; Browse fills a folder from the
// desktop app's dialog, and where there is no dialog (browser mode) the fields stay typed paths with a plain hint.
// The step frame moves focus to the new heading and names the step in the window title.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WizardDraft } from '../../core/contract';
import { initialWizard, useWizardStore } from '../stores/wizard-store';
import { failWith, fakeUps, type FakeAnswers } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { LocationStep } from './LocationStep';

afterEach(cleanup);

function ui(answers: FakeAnswers = {}, draft: WizardDraft = {}) {
  const api = fakeUps({
    'wizard.save': () => ({ savedAt: new Date().toISOString() }),
    'stack.location.check': (i) => ({
      path: i.dataRoot,
      exists: true,
      checkedFolder: i.dataRoot,
      freeBytes: 500 * 1024 ** 3,
      neededBytes: 20 * 1024 ** 3,
      fits: true,
      filesystem: 'ext4',
      hardlinks: { ok: true, detail: 'Hardlinks work.' },
      warnings: [],
    }),
    ...answers,
  });
  useWizardStore.setState({
    state: { ...initialWizard, step: 'location', completed: ['welcome', 'checks'], draft },
    loaded: true,
  });
  renderWithUps(api, <LocationStep />);
  return api;
}

const saved = (api: ReturnType<typeof fakeUps>) => api.inputs('wizard.save').at(-1)?.draft;

describe('LocationStep', () => {
  it("starts on this PC's time zone, and typing a city finds its zone in the list", async () => {
    const api = ui({}, { installRoot: '/srv/ups', dataRoot: '/srv/media' });
    const tz = screen.getByTestId('field-timeZone') as HTMLInputElement;
    expect(tz.value).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(tz.getAttribute('role')).toBe('combobox');
    fireEvent.change(tz, { target: { value: 'new york' } });
    fireEvent.click(tz);
    // The list holds only the matches (role queries over ~400 options are slow in jsdom, so read the listbox).
    const listbox = await screen.findByRole('listbox');
    const names = [...listbox.querySelectorAll('[role="option"]')].map((o) => o.textContent);
    expect(names).toEqual(['America/New_York']);
    const option = listbox.querySelector('[role="option"]') as HTMLElement;
    fireEvent.click(option);
    expect(tz.value).toBe('America/New_York');
    fireEvent.click(screen.getByTestId('wizard-next'));
    await waitFor(() => expect(saved(api)?.timeZone).toBe('America/New_York'));
  }, 20_000);

  it('Browse fills the folder the desktop dialog returns, starting where the typed path is', async () => {
    const api = ui({ 'folders.pick': () => ({ path: 'D:\\Media' }) }, { installRoot: 'D:\\UPS', dataRoot: 'D:\\' });
    fireEvent.click(screen.getByTestId('browse-dataRoot'));
    await waitFor(() => expect((screen.getByTestId('field-dataRoot') as HTMLInputElement).value).toBe('D:\\Media'));
    expect(api.inputs('folders.pick')).toEqual([{ title: 'Choose the media folder', defaultPath: 'D:\\' }]);
  });

  it('without a folder dialog (browser mode) the Browse buttons go and the paths stay typed', async () => {
    ui(
      {
        'folders.pick': () =>
          failWith({
            code: 'NOT_FOUND',
            message: 'Browsing for a folder works in the desktop app only.',
            fix: 'Type the full path of the folder instead.',
          }),
      },
      { installRoot: '/srv/ups', dataRoot: '/srv/media' },
    );
    fireEvent.click(screen.getByTestId('browse-installRoot'));
    await screen.findByTestId('browse-unavailable');
    expect(screen.queryByTestId('browse-installRoot')).toBeNull();
    expect(screen.queryByTestId('browse-dataRoot')).toBeNull();
    expect((screen.getByTestId('field-installRoot') as HTMLInputElement).value).toBe('/srv/ups');
  });

  it('focuses the step heading and names the step in the window title', () => {
    ui();
    const heading = screen.getByRole('heading', { level: 1 });
    expect(document.activeElement).toBe(heading);
    expect(document.title).toBe('Where should everything live? – Setup – Ultimate Plex Stack');
  });
});
