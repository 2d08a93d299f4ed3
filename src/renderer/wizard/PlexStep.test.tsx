// @vitest-environment jsdom
// The wizard's Plex step before install: sign in (plex.tv page opened, one poll), then "Signed in as …" and that the
// install will claim the server; a revoked sign-in and a failed start show cause + fix. The token never reaches the page.
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlexAccountStatus } from '../../core/contract';
import { initialWizard, useWizardStore } from '../stores/wizard-store';
import { failWith, fakeUps, type FakeAnswers } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { PlexStep } from './PlexStep';
import { plexServerText } from './use-plex-account';

/** The core's sign-in answer before install: the claim waits for the install. */
const WILL_CLAIM = 'The server is claimed when the install starts Plex.';

function fakeApi(over: FakeAnswers = {}) {
  let token = false;
  const account = (): PlexAccountStatus => ({
    account: token ? { username: 'ups-wizard-user' } : null,
    server: 'not-installed',
  });
  return fakeUps({
    'secrets.status': () => ({
      backend: 'Windows Credential Manager',
      entries: [{ name: 'plex.token', label: 'Plex token', envVar: 'Y', set: token }],
    }),
    'plex.account': () => account(),
    'plex.signin.start': () => ({ pinId: 7, authUrl: 'https://app.plex.tv/auth#?clientID=ups-x&code=abc' }),
    'plex.signin.poll': () => (
      (token = true),
      { status: 'signed-in', account: { username: 'ups-wizard-user' }, claim: { ok: true, detail: WILL_CLAIM } }
    ),
    'wizard.save': () => ({ savedAt: 'now' }),
    ...over,
  });
}

beforeEach(() => {
  useWizardStore.setState({
    state: { ...initialWizard, step: 'plex', completed: ['welcome', 'checks', 'location', 'services', 'vpn'] },
    loaded: true,
  });
  vi.spyOn(window, 'open').mockImplementation(() => null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('PlexStep', () => {
  it('signs in before install and shows who signed in and that the install will claim the server', async () => {
    const api = fakeApi();
    renderWithUps(api, <PlexStep />);
    expect((await screen.findByTestId('plex-state')).textContent).toMatch(/^Not signed in yet/);
    expect(screen.getByTestId('wizard-next').textContent).toBe('Skip for now');
    fireEvent.click(screen.getByTestId('plex-signin'));
    await screen.findByTestId('plex-auth-url');
    expect(window.open).toHaveBeenCalledWith('https://app.plex.tv/auth#?clientID=ups-x&code=abc', '_blank', 'noopener');
    // The component polls every two seconds (plex.tv's flow); the first poll finds the approval.
    const state = await screen.findByText(/^Signed in as ups-wizard-user: /, {}, { timeout: 5000 });
    expect(state.textContent).toBe(
      `Signed in as ups-wizard-user: your Plex token is stored in Windows Credential Manager. ${plexServerText('not-installed')}`,
    );
    expect(screen.getByTestId('plex-signin-panel').getAttribute('data-phase')).toBe('done');
    expect(screen.getByTestId('wizard-next').textContent).toBe('Next');
    expect(api.count('plex.account')).toBe(2);
    expect(api.inputs('plex.signin.poll')).toEqual([{ pinId: 7 }]);
  });

  it('a sign-in plex.tv no longer accepts, and a start that fails, show the cause and the fix', async () => {
    const api = fakeApi({
      'plex.account': () =>
        failWith({
          code: 'UNAUTHORIZED',
          message: 'plex.tv refused the stored sign-in (401).',
          fix: 'The Plex sign-in is no longer valid: sign in to Plex again.',
        }),
      'plex.signin.start': () =>
        failWith({
          code: 'INTERNAL',
          message: 'plex.tv is unreachable.',
          fix: 'Check the internet connection, then sign in again.',
        }),
    });
    renderWithUps(api, <PlexStep />);
    const err = await screen.findByTestId('plex-account-error');
    expect(err.textContent).toContain('plex.tv refused the stored sign-in (401).');
    expect(err.textContent).toContain('How to fix: The Plex sign-in is no longer valid');
    fireEvent.click(screen.getByTestId('plex-signin'));
    const failed = await screen.findByTestId('plex-error');
    expect(failed.textContent).toContain('plex.tv is unreachable.');
    expect(failed.textContent).toContain('How to fix: Check the internet connection');
  });
});
