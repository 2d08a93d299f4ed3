// @vitest-environment jsdom
// The Done screen's first-indexer step: with no indexer it says why one is needed and why setup could not add it
// earlier, and opens the same Indexers dialog (public definitions by default); with indexers it only offers more.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { FirstIndexer } from './FirstIndexer';

afterEach(cleanup);

const publicDefinition = {
  definition: '1337x',
  name: '1337x',
  description: '',
  privacy: 'public' as const,
  protocol: 'torrent',
  fields: [],
};

describe('FirstIndexer (Done screen)', () => {
  it('with no indexer: explains, and opens the Indexers dialog on the public definitions', async () => {
    const api = fakeUps({
      'indexers.list': () => ({ indexers: [] }),
      'indexers.definitions': () => ({ definitions: [publicDefinition] }),
    });
    renderWithUps(api, <FirstIndexer />);
    await waitFor(() => expect(screen.getByTestId('first-indexer').getAttribute('data-count')).toBe('0'));
    expect(screen.getByRole('heading', { name: 'Next: add a first indexer' })).toBeTruthy();
    expect(screen.getByTestId('first-indexer').textContent).toMatch(
      /Nothing can be found until Prowlarr has at least one indexer.*could not add one before Prowlarr was running/,
    );
    fireEvent.click(screen.getByTestId('done-add-indexer'));
    await screen.findByTestId('definition-1337x');
    expect(api.inputs('indexers.definitions')[0]).toMatchObject({ includePrivate: false });
  });

  it('with indexers already: says how many and offers the dialog for more', async () => {
    const api = fakeUps({
      'indexers.list': () => ({
        indexers: [{ name: '1337x', definition: '1337x', enable: true, managed: true, inProwlarr: true }],
      }),
    });
    renderWithUps(api, <FirstIndexer />);
    await waitFor(() => expect(screen.getByTestId('first-indexer').textContent).toMatch(/searches 1 indexer\./));
    expect(screen.getByTestId('done-add-indexer').textContent).toBe('Indexers');
  });
});
