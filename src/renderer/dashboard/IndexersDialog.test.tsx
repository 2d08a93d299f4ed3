// @vitest-environment jsdom
// The Indexers dialog: lists the indexers (managed or only in Prowlarr), Prowlarr's public definitions, and adds one
// through indexers.add (Test asks only; a refusal shows Prowlarr's own messages and nothing is added).
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { IndexersDialog } from './IndexersDialog';

afterEach(cleanup);

const definition = (d: string, privacy: 'public' | 'private', secret = false) => ({
  definition: d,
  name: d,
  description: '',
  privacy,
  protocol: 'torrent',
  fields: [
    { name: secret ? 'cookie' : 'sort', label: secret ? 'Cookie' : 'Sort', type: 'textbox', secret, advanced: false },
  ],
});

describe('IndexersDialog', () => {
  it('lists, tests and adds from the public definitions; private ones only when asked', async () => {
    const api = fakeUps({
      'indexers.list': () => ({
        indexers: [{ name: 'Manual', definition: 'Newznab', enable: true, managed: false, inProwlarr: true }],
      }),
      'indexers.definitions': (input) => ({
        definitions: [
          definition('1337x', 'public'),
          ...(input.includePrivate ? [definition('iptorrents', 'private', true)] : []),
        ],
      }),
      'indexers.add': (input) =>
        input.testOnly
          ? { ok: false, saved: false, messages: ['Unable to connect to indexer'] }
          : { ok: true, saved: true, messages: [] },
    });
    renderWithUps(api, <IndexersDialog />);
    fireEvent.click(screen.getByTestId('open-indexers'));
    expect((await screen.findByTestId('indexer-Manual')).textContent).toContain('Only in Prowlarr (left alone)');
    await screen.findByTestId('definition-1337x');
    expect(screen.queryByTestId('definition-iptorrents')).toBeNull();

    fireEvent.click(screen.getByLabelText('Include private trackers (they need an account)'));
    await screen.findByTestId('definition-iptorrents');
    fireEvent.click(screen.getByLabelText('Add iptorrents'));
    const cookie = (await screen.findByTestId('indexer-field-cookie')) as HTMLInputElement;
    expect(cookie.type).toBe('password');
    fireEvent.change(cookie, { target: { value: 'uid=1; pass=x' } });

    fireEvent.click(screen.getByTestId('indexer-test'));
    await waitFor(() =>
      expect(screen.getByTestId('indexer-outcome').textContent).toContain('Unable to connect to indexer'),
    );
    fireEvent.click(screen.getByTestId('indexer-add'));
    await waitFor(() => expect(screen.getByTestId('indexer-outcome').textContent).toContain('was added'));
    expect(api.inputs('indexers.add')).toEqual([
      { name: 'iptorrents', definition: 'iptorrents', fields: { cookie: 'uid=1; pass=x' }, testOnly: true },
      { name: 'iptorrents', definition: 'iptorrents', fields: { cookie: 'uid=1; pass=x' } },
    ]);
  });
});
