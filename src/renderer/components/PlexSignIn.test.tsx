// @vitest-environment jsdom
// The sign-in's poll keeps its two-second rhythm while the screen around it re-renders: a parent that renders more
// often than every two seconds (as the wizard does when its stores or the event stream change) and hands a new
// onSignedIn each time must not keep pushing the poll back, or plex.tv's approval is never seen.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeUps } from '../test-support/fake-ups';
import { renderWithUps } from '../test-support/render-with-ups';
import { PlexSignIn } from './PlexSignIn';

function BusyParent({ onSignedIn }: { onSignedIn: () => void }) {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 300);
    return () => clearInterval(t);
  }, []);
  return (
    <div data-tick={tick}>
      <PlexSignIn signedIn={false} onSignedIn={() => onSignedIn()} />
    </div>
  );
}

beforeEach(() => {
  vi.spyOn(window, 'open').mockImplementation(() => null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('PlexSignIn', () => {
  it('polls every two seconds even while its parent re-renders every 300 ms, and tells the parent once', async () => {
    const api = fakeUps({
      'plex.signin.start': () => ({ pinId: 7, authUrl: 'https://app.plex.tv/auth#?clientID=ups-x&code=abc' }),
      'plex.signin.poll': () =>
        api.count('plex.signin.poll') < 2
          ? { status: 'waiting' }
          : { status: 'signed-in', account: { username: 'ups-user' }, claim: { ok: true, detail: 'claimed' } },
    });
    const signedIn = vi.fn();
    renderWithUps(api, <BusyParent onSignedIn={signedIn} />);
    await act(async () => fireEvent.click(screen.getByTestId('plex-signin')));
    await waitFor(() => expect(screen.getByTestId('plex-signin-panel').getAttribute('data-phase')).toBe('done'), {
      timeout: 7000,
    });
    expect(api.inputs('plex.signin.poll')).toEqual([{ pinId: 7 }, { pinId: 7 }]);
    expect(signedIn).toHaveBeenCalledTimes(1);
  }, 10_000);
});
