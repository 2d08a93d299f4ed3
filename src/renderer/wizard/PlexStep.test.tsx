// @vitest-environment jsdom
// The wizard's Plex step before install: sign in (plex.tv page opened, one poll), then "Signed in as …" and that the
// install will claim the server; a revoked sign-in and a failed start show cause + fix. The token never reaches the page.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlexAccountStatus, UpsApi } from '../../core/contract';
import { WILL_CLAIM_AT_INSTALL } from '../../core/app/handlers/plex';
import { initialWizard, useWizardStore } from '../stores/wizard-store';
import { PlexStep } from './PlexStep';

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; fix?: string } };

function fakeApi(over: Record<string, () => Answer> = {}) {
  let token = false;
  const log: string[] = [];
  const account = (): PlexAccountStatus => ({ account: token ? { username: 'ups-wizard-user' } : null, server: 'not-installed' });
  const answers: Record<string, () => Answer> = {
    'secrets.status': () => ({ ok: true, value: { backend: 'Windows Credential Manager', entries: [{ name: 'plex.token', label: 'Plex token', envVar: 'Y', set: token }] } }),
    'plex.account': () => ({ ok: true, value: account() }),
    'plex.signin.start': () => ({ ok: true, value: { pinId: 7, authUrl: 'https://app.plex.tv/auth#?clientID=ups-x&code=abc' } }),
    'plex.signin.poll': () => ((token = true), { ok: true, value: { status: 'signed-in', account: { username: 'ups-wizard-user' }, claim: { ok: true, detail: WILL_CLAIM_AT_INSTALL } } }),
    'wizard.save': () => ({ ok: true, value: { savedAt: 'now' } }),
    ...over,
  };
  const api = {
    async invoke(channel: string) {
      log.push(channel);
      const a = answers[channel];
      return a ? a() : { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${channel}".` } };
    },
    subscribe: () => () => undefined,
  } as unknown as UpsApi;
  return { api, log };
}

const ui = (api: UpsApi) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <PlexStep api={api} />
    </FluentProvider>,
  );

beforeEach(() => {
  useWizardStore.setState({ state: { ...initialWizard, step: 'plex', completed: ['welcome', 'checks', 'location', 'services', 'vpn'] }, loaded: true });
  vi.spyOn(window, 'open').mockImplementation(() => null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('PlexStep', () => {
  it('signs in before install and shows who signed in and that the install will claim the server', async () => {
    const { api, log } = fakeApi();
    ui(api);
    expect((await screen.findByTestId('plex-state')).textContent).toMatch(/^Not signed in yet/);
    expect(screen.getByTestId('wizard-next').textContent).toBe('Skip for now');
    fireEvent.click(screen.getByTestId('plex-signin'));
    await screen.findByTestId('plex-auth-url');
    expect(window.open).toHaveBeenCalledWith('https://app.plex.tv/auth#?clientID=ups-x&code=abc', '_blank', 'noopener');
    // The component polls every two seconds (plex.tv's flow); the first poll finds the approval.
    const state = await screen.findByText(/^Signed in as ups-wizard-user: /, {}, { timeout: 5000 });
    expect(state.textContent).toBe(`Signed in as ups-wizard-user: your Plex token is stored in Windows Credential Manager. ${WILL_CLAIM_AT_INSTALL}`);
    expect(screen.getByTestId('plex-signin-panel').getAttribute('data-phase')).toBe('done');
    expect(screen.getByTestId('wizard-next').textContent).toBe('Next');
    expect(log.filter((c) => c === 'plex.account')).toHaveLength(2);
  });

  it('a sign-in plex.tv no longer accepts, and a start that fails, show the cause and the fix', async () => {
    const { api } = fakeApi({
      'plex.account': () => ({ ok: false, error: { code: 'UNAUTHORIZED', message: 'plex.tv refused the stored sign-in (401).', fix: 'The Plex sign-in is no longer valid: run `ups plex signin` again.' } }),
      'plex.signin.start': () => ({ ok: false, error: { code: 'INTERNAL', message: 'plex.tv is unreachable.', fix: 'Check the internet connection, then sign in again.' } }),
    });
    ui(api);
    const err = await screen.findByTestId('plex-account-error');
    expect(err.textContent).toContain('plex.tv refused the stored sign-in (401).');
    expect(err.textContent).toContain('How to fix: The Plex sign-in is no longer valid');
    fireEvent.click(screen.getByTestId('plex-signin'));
    const failed = await screen.findByTestId('plex-error');
    expect(failed.textContent).toContain('plex.tv is unreachable.');
    expect(failed.textContent).toContain('How to fix: Check the internet connection');
  });
});
