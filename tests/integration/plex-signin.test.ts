// Plex sign-in and Plex wiring against recorded-response fakes of plex.tv and Plex, with the token kept in the real
// Secret Service (gnome-keyring in dbus-run-session, as CI runs it): PIN → poll → vault → claim → libraries.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requireSecretService } from '../helpers/require-env';
import { createKeytarStore } from '../../src/core/vault/keytar-store';
import { createSecretVault, type SecretVault } from '../../src/core/vault/secret-vault';
import { PlexTvClient } from '../../src/core/plex/plex-tv-client';
import { runPlexSignIn, startPlexSignIn, waitForPlexToken } from '../../src/core/plex/plex-signin';
import { PlexServerClient } from '../../src/core/plex/plex-server-client';
import { plexWiring } from '../../src/core/wiring/steps/plex-steps';
import { startPlexFake, startPlexTvFake, type PlexFake, type PlexTvFake } from '../fakes/plex-fakes';
import { applyAll, planAll } from '../fakes/run-wiring';

const clientId = `ups-test-${Math.random().toString(36).slice(2)}`;
let vault: SecretVault;
let plexTvFake: PlexTvFake;
let plexFake: PlexFake;
let plexTv: PlexTvClient;
let server: PlexServerClient;

beforeAll(() => {
  requireSecretService();
  // Own service name, so a developer's real entries are never touched.
  vault = createSecretVault(createKeytarStore(`Ultimate Plex Stack test ${clientId}`));
});

beforeEach(async () => {
  plexTvFake = await startPlexTvFake();
  plexFake = await startPlexFake(plexTvFake);
  plexTv = new PlexTvClient({ clientId, baseUrl: plexTvFake.server.url, authAppUrl: 'https://app.plex.tv/auth' });
  server = new PlexServerClient({ url: plexFake.server.url, token: () => vault.get('plex.token'), clientId });
  await vault.delete('plex.token');
});

afterEach(async () => {
  const violations = [...plexTvFake.server.violations, ...plexFake.server.violations];
  await Promise.all([plexTvFake.server.stop(), plexFake.server.stop()]);
  await vault.delete('plex.token');
  expect(violations, 'requests outside the recorded routes').toEqual([]);
});

async function signIn(token: string): Promise<void> {
  const start = await startPlexSignIn(plexTv);
  // The user approves in the browser a moment after the first polls.
  setTimeout(() => plexTvFake.approve(start.pinId, token), 60);
  await waitForPlexToken(plexTv, vault, start.pinId, { pollMs: 20, timeoutMs: 30_000 });
}

describe('plex.tv PIN sign-in', () => {
  it('gives a browser URL with the code, polls until approved and keeps the token only in the vault', async () => {
    const start = await startPlexSignIn(plexTv);
    const url = new URL(start.authUrl);
    const params = new URLSearchParams(url.hash.slice(2));
    expect([url.origin + url.pathname, params.get('clientID'), params.get('code')]).toEqual([
      'https://app.plex.tv/auth',
      clientId,
      start.code,
    ]);
    setTimeout(() => plexTvFake.approve(start.pinId, 'account-token-1'), 60);
    await expect(waitForPlexToken(plexTv, vault, start.pinId, { pollMs: 20 })).resolves.toBeUndefined();
    expect(await vault.get('plex.token')).toBe('account-token-1');
    expect(plexTvFake.server.calls.filter((c) => c.path.startsWith('/api/v2/pins/')).length).toBeGreaterThan(1);
  });

  it('runs the whole flow: the page is shown, the token stored, the server claimed with a fresh claim token', async () => {
    const shown: string[] = [];
    const result = await runPlexSignIn({
      plexTv,
      vault,
      server,
      open: (start) => {
        shown.push(start.authUrl);
        setTimeout(() => plexTvFake.approve(start.pinId, 'account-token-flow'), 30);
      },
      wait: { pollMs: 10, timeoutMs: 30_000 },
    });
    expect([result.claimed, shown.length, plexFake.state.owner]).toEqual([true, 1, 'account-token-flow']);
    // The claim token was asked for only after approval, and was used once.
    const order = plexTvFake.server.calls.map((c) => c.path);
    expect(order.indexOf('/api/claim/token.json')).toBeGreaterThan(
      order.lastIndexOf(order.find((p) => p.startsWith('/api/v2/pins/'))!),
    );
    expect(plexTvFake.redeemClaim('claim-anything')).toBeNull();
  });

  it('times out with a fix when nobody approves, and stores nothing', async () => {
    const start = await startPlexSignIn(plexTv);
    await expect(waitForPlexToken(plexTv, vault, start.pinId, { pollMs: 20, timeoutMs: 150 })).rejects.toThrow(
      /not approved within/,
    );
    expect(await vault.get('plex.token')).toBeNull();
  });

  it('stops when cancelled', async () => {
    const start = await startPlexSignIn(plexTv);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 50);
    await expect(
      waitForPlexToken(plexTv, vault, start.pinId, { pollMs: 1000, timeoutMs: 60_000, signal: abort.signal }),
    ).rejects.toThrow(/cancelled/);
  });
});

describe('Plex wiring', () => {
  it('claims the server, adds the libraries, then has nothing to do; re-claims a server that lost its owner', async () => {
    await signIn('account-token-2');
    const { steps, links } = plexWiring({ server, plexTv, vault });
    expect((await planAll(steps)).map((c) => c.action)).toEqual(['create', 'create', 'create']);
    const outcome = await applyAll(steps);
    expect(outcome.failed).toBeUndefined();
    expect(plexFake.state.owner).toBe('account-token-2');
    expect(plexFake.state.sections.map((s) => [s.type, (s.Location as { path: string }[])[0]!.path])).toEqual([
      ['movie', '/data/media/movies'],
      ['show', '/data/media/tv'],
    ]);
    expect((await links[0]!.run()).ok).toBe(true);

    plexFake.server.calls.splice(0);
    await applyAll(steps);
    expect(plexFake.server.writes()).toEqual([]);

    // Drift: the TV library was removed and the server lost its owner (e.g. the Preferences.xml was reset).
    plexFake.state.sections = plexFake.state.sections.filter((s) => s.type !== 'show');
    plexFake.state.owner = null;
    const drift = (await planAll(steps)).filter((c) => c.action !== 'nothing').map((c) => c.resource);
    expect(drift).toEqual(['server owner', 'library TV Shows (/data/media/tv)']);
    await applyAll(steps);
    expect(plexFake.state.owner).toBe('account-token-2');
    expect((await planAll(steps)).every((c) => c.action === 'nothing')).toBe(true);
  });

  it('refuses to claim without a stored sign-in, and reports a stale token with its fix', async () => {
    const { steps, links } = plexWiring({ server, plexTv, vault });
    const outcome = await applyAll(steps);
    expect(outcome.failed?.id).toBe('plex.claim');
    expect(String(outcome.failed?.error)).toMatch(/No Plex sign-in is stored/);
    expect(plexFake.state.owner).toBeNull();

    await signIn('account-token-3');
    await applyAll(steps);
    await vault.set('plex.token', 'revoked-token');
    const result = await links[0]!.run();
    expect([result.ok, result.detail]).toEqual([false, expect.stringMatching(/Plex rejected the credentials/)]);
    expect(result.action).toMatchObject({ action: 'plex.signin' });
  });

  it('reports an unreachable or broken Plex with cause and fix', async () => {
    const { links } = plexWiring({ server, plexTv, vault });
    plexFake.server.fault = { kind: 'malformed' };
    const malformed = await links[0]!.run();
    expect(malformed.detail).toMatch(/unexpected content/);
    plexFake.server.fault = null;
    await plexFake.server.stop();
    const down = await links[0]!.run();
    expect([down.ok, down.detail]).toEqual([false, expect.stringMatching(/Plex is unreachable/)]);
    await plexFake.server.start(); // afterEach stops it again
  });
});
