// @vitest-environment jsdom
// The Logins view with the typed fake: names and users listed without any password call; a password is asked only
// on Show/Copy, for that one login; Hide and closing forget it; a refusal is shown with its fix.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Login } from '../../core/contract';
import { failWith, fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { LoginsDialog } from './LoginsDialog';

afterEach(cleanup);

const logins: Login[] = [
  {
    secret: 'qbittorrent.password',
    apps: 'qBittorrent',
    username: 'admin',
    urls: ['http://localhost:8080'],
    stored: true,
  },
  {
    secret: 'arr.ui_password',
    apps: 'Radarr, Sonarr, Prowlarr',
    username: 'ups-admin',
    urls: ['http://localhost:7878', 'http://localhost:8989', 'http://localhost:9696'],
    stored: true,
  },
  { secret: 'nzbget.password', apps: 'NZBGet', username: 'nzbget', urls: ['http://localhost:6789'], stored: false },
];
const passwords: Record<string, string> = { 'qbittorrent.password': 'qbt-PW-1', 'arr.ui_password': 'arr-PW-2' };

const api = () =>
  fakeUps({
    'logins.list': () => ({ logins }),
    'logins.reveal': ({ name }) => ({ name, password: passwords[name]! }),
  });

const writeText = vi.fn(async (_: string) => undefined);
beforeEach(() => {
  writeText.mockClear();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

async function open(fake: ReturnType<typeof api>) {
  renderWithUps(fake, <LoginsDialog />);
  fireEvent.click(screen.getByTestId('open-logins'));
  return screen.findByTestId('login-qbittorrent.password');
}

describe('LoginsDialog', () => {
  it('lists each login with its user name and login pages, and asks for no password', async () => {
    const fake = api();
    await open(fake);
    expect(screen.getByTestId('login-user-qbittorrent.password').textContent).toBe('admin');
    expect(screen.getByTestId('login-user-arr.ui_password').textContent).toBe('ups-admin');
    const arr = screen.getByTestId('login-arr.ui_password');
    expect(
      within(arr)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(logins[1]!.urls);
    expect(screen.getByTestId('login-nzbget.password').textContent).toContain('Not stored');
    expect(fake.count('logins.reveal')).toBe(0);
    expect(document.body.textContent).not.toMatch(/qbt-PW-1|arr-PW-2/);
  });

  it('Show reveals only that login, Hide forgets it, closing forgets everything', async () => {
    const fake = api();
    await open(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Show the qBittorrent password' }));
    await waitFor(() => expect(screen.getByTestId('login-password-qbittorrent.password').textContent).toBe('qbt-PW-1'));
    expect(fake.inputs('logins.reveal')).toEqual([{ name: 'qbittorrent.password' }]);
    expect(document.body.textContent).not.toContain('arr-PW-2');

    fireEvent.click(screen.getByRole('button', { name: 'Hide the qBittorrent password' }));
    expect(document.body.textContent).not.toContain('qbt-PW-1');

    fireEvent.click(screen.getByRole('button', { name: 'Show the qBittorrent password' }));
    await screen.findByText('qbt-PW-1');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByTestId('login-qbittorrent.password')).toBeNull());
    expect(document.body.textContent).not.toContain('qbt-PW-1');
  });

  it('Copy asks for that one password and puts it on the clipboard without showing it', async () => {
    const fake = api();
    await open(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Copy the Radarr, Sonarr, Prowlarr password' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('arr-PW-2'));
    expect(fake.inputs('logins.reveal')).toEqual([{ name: 'arr.ui_password' }]);
    expect(document.body.textContent).not.toContain('arr-PW-2');
    expect(within(screen.getByTestId('login-arr.ui_password')).getByText('Copied')).toBeTruthy();
  });

  it('a refused clipboard says what to do instead', async () => {
    writeText.mockRejectedValueOnce(new Error('NotAllowedError'));
    await open(api());
    fireEvent.click(screen.getByRole('button', { name: 'Copy the qBittorrent password' }));
    expect(await screen.findByText(/The clipboard refused it/)).toBeTruthy();
  });

  it('a refused reveal shows the error with its fix and no value', async () => {
    const fake = api();
    fake.answer({
      'logins.reveal': () =>
        failWith({
          code: 'VAULT_UNAVAILABLE',
          message: 'The credential store is locked.',
          fix: 'Unlock it and try again.',
        }),
    });
    await open(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Show the qBittorrent password' }));
    expect(await screen.findByText(/The qBittorrent password cannot be shown/)).toBeTruthy();
    expect(document.body.textContent).toContain('Unlock it and try again.');
    expect(screen.getByTestId('login-password-qbittorrent.password').textContent).not.toContain('qbt');
  });

  it('before install: says there is nothing to show', async () => {
    renderWithUps(fakeUps({ 'logins.list': () => ({ logins: [] }) }), <LoginsDialog />);
    fireEvent.click(screen.getByTestId('open-logins'));
    expect(await screen.findByText(/No stack is installed yet/)).toBeTruthy();
  });
});
