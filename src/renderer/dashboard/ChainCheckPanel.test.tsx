// @vitest-environment jsdom
// "Check the whole chain": each walked hop is shown, the broken one with its cause, its fix in words and a fix button,
// the hops after it as not checked; a call that cannot run shows its error.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fixAction, type ChainCheckResult } from '../../core/contract';
import { failWith, fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { ChainCheckPanel } from './ChainCheckPanel';

afterEach(cleanup);

const brokenAtDownload: ChainCheckResult = {
  ok: false,
  hops: [
    { hop: 'request', ok: true, detail: 'Seerr reaches Radarr and Sonarr.', durationMs: 12 },
    { hop: 'indexer', ok: true, detail: 'Prowlarr indexer "X" passes its test.', durationMs: 30 },
    {
      hop: 'download',
      ok: false,
      detail: 'Radarr cannot use qBittorrent: Unable to connect',
      hint: 'Check that qBittorrent and the VPN are running.',
      fix: fixAction('stack.restart', { services: ['vpn', 'qbittorrent'] }),
      durationMs: 40,
    },
  ],
  notRun: ['filesystem', 'import', 'library', 'stream'],
  cleanedUp: true,
};

describe('ChainCheckPanel', () => {
  it('runs chain.check on the button and shows the broken hop with its fix, the rest not checked', async () => {
    const api = fakeUps({ 'chain.check': () => brokenAtDownload });
    renderWithUps(api, <ChainCheckPanel />);
    expect(screen.queryByTestId('chain-hops')).toBeNull();
    fireEvent.click(screen.getByTestId('chain-check'));
    await waitFor(() => expect(screen.getByTestId('chain-hops')).toBeTruthy());
    expect(api.count('chain.check')).toBe(1);
    expect(screen.getByTestId('chain-verdict').textContent).toMatch(/broken/);
    const row = screen.getByTestId('chain-hop-download');
    expect(row.getAttribute('data-ok')).toBe('false');
    expect(row.textContent).toContain('Unable to connect');
    expect(row.textContent).toContain('How to fix: Check that qBittorrent and the VPN are running.');
    expect(within(row).getByTestId('fix-action').getAttribute('data-action')).toBe('stack.restart');
    expect(screen.getByTestId('chain-hop-request').getAttribute('data-ok')).toBe('true');
    for (const hop of ['filesystem', 'import', 'library', 'stream'])
      expect(screen.getByTestId(`chain-hop-${hop}`).getAttribute('data-ok')).toBe('skipped');
  });

  it('says the chain works when every hop passed', async () => {
    const hops = (['request', 'indexer', 'download', 'filesystem', 'import', 'library', 'stream'] as const).map(
      (hop) => ({ hop, ok: true, detail: `${hop} fine`, durationMs: 1 }),
    );
    const api = fakeUps({ 'chain.check': () => ({ ok: true, hops, notRun: [], cleanedUp: true }) });
    renderWithUps(api, <ChainCheckPanel />);
    fireEvent.click(screen.getByTestId('chain-check'));
    await waitFor(() => expect(screen.getByTestId('chain-verdict').textContent).toMatch(/whole chain works/));
    expect(screen.queryAllByTestId('fix-action')).toHaveLength(0);
  });

  it('shows why the check could not run', async () => {
    const api = fakeUps({
      'chain.check': () =>
        failWith({
          code: 'NOT_FOUND',
          message: 'No stack is installed yet, so there is no chain to check.',
          fix: 'Finish the setup first.',
        }),
    });
    renderWithUps(api, <ChainCheckPanel />);
    fireEvent.click(screen.getByTestId('chain-check'));
    await waitFor(() => expect(screen.getByTestId('chain-error').textContent).toContain('No stack is installed yet'));
  });
});
