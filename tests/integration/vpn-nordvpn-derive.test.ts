// vpn.nordvpn.derive through the App service, over real HTTP on loopback to the recorded NordVPN fake, with the real
// Secret Service: the token gives the NordLynx key (WireGuard) or the service credentials (OpenVPN), is not kept, and
// a wrong token or an unreachable API gives a plain cause + fix that never contains the token.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAppService, type AppService } from '../../src/core/app/app-service';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import type { SecretName } from '../../src/core/contract/secret-names';
import type { SecretVault } from '../../src/core/vault/secret-vault';
import { NORD_RECORDED, startNordFake, type NordFake } from '../fakes/nordvpn-fake';
import { requireSecretService } from '../helpers/require-env';
import { testAppDeps } from '../helpers/test-app';
import { freePort } from './stack-helpers';

const TOKEN = 'e9f2c4a7b1d85036fa2e9c7d4b1a0f3e8d6c5b4a39281706f5e4d3c2b1a09f8e';
const ours: SecretName[] = [
  'vpn.wireguard.private_key',
  'vpn.openvpn.user',
  'vpn.openvpn.password',
  'vpn.nordvpn.access_token',
];
let vault: SecretVault;
let fake: NordFake;

function appFor(apiUrl: string): AppService {
  return createAppService(
    testAppDeps({ door: 'browser', project: 'ups-t-nord', installRoot: async () => null, vault, nordvpn: { apiUrl } }),
  );
}

beforeAll(() => {
  requireSecretService();
  vault = createKeytarVault(`UPS nordvpn test ${Math.random().toString(36).slice(2, 8)}`);
});
beforeEach(async () => {
  fake = await startNordFake([TOKEN]);
  for (const n of ours) await vault.delete(n);
});
afterEach(async () => {
  const violations = fake.server.violations;
  await fake.server.stop();
  for (const n of ours) await vault.delete(n);
  expect(violations, 'requests outside the recorded routes').toEqual([]);
});

describe('vpn.nordvpn.derive', () => {
  it('WireGuard: stores the NordLynx private key, drops an old stored token, and returns only names', async () => {
    await vault.set('vpn.nordvpn.access_token', TOKEN);
    const r = await appFor(fake.server.url).call('vpn.nordvpn.derive', { token: ` ${TOKEN} `, type: 'wireguard' });
    expect(r).toEqual({ ok: true, value: { stored: ['vpn.wireguard.private_key'] } });
    expect(await vault.get('vpn.wireguard.private_key')).toBe(NORD_RECORDED.nordlynx_private_key);
    expect(await vault.get('vpn.nordvpn.access_token')).toBeNull();
    expect(await vault.get('vpn.openvpn.user')).toBeNull();
    expect(fake.seen).toEqual([TOKEN]);
    expect(JSON.stringify(r)).not.toContain(NORD_RECORDED.nordlynx_private_key);
  });

  it('OpenVPN: stores the service user name and password (not the Nord Account login)', async () => {
    const r = await appFor(fake.server.url).call('vpn.nordvpn.derive', { token: TOKEN, type: 'openvpn' });
    expect(r).toEqual({ ok: true, value: { stored: ['vpn.openvpn.user', 'vpn.openvpn.password'] } });
    expect(await vault.get('vpn.openvpn.user')).toBe(NORD_RECORDED.username);
    expect(await vault.get('vpn.openvpn.password')).toBe(NORD_RECORDED.password);
    expect(await vault.get('vpn.wireguard.private_key')).toBeNull();
  });

  it('pads a key NordVPN sends without its trailing "=" to the form gluetun parses', async () => {
    await fake.server.stop();
    fake = await startNordFake([TOKEN], { nordlynx_private_key: NORD_RECORDED.nordlynx_private_key.slice(0, 43) });
    const r = await appFor(fake.server.url).call('vpn.nordvpn.derive', { token: TOKEN, type: 'wireguard' });
    expect(r.ok).toBe(true);
    expect(await vault.get('vpn.wireguard.private_key')).toBe(NORD_RECORDED.nordlynx_private_key);
  });

  it('a wrong or expired token: UNAUTHORIZED with a plain fix, nothing stored, the token nowhere in the answer', async () => {
    const wrong = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const r = await appFor(fake.server.url).call('vpn.nordvpn.derive', { token: wrong, type: 'wireguard' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({
      code: 'UNAUTHORIZED',
      field: 'token',
      message: 'NordVPN did not accept this access token: it is wrong, expired or was revoked.',
    });
    expect(r.error.fix).toMatch(/^Generate a new token \(Nord Account → NordVPN → Set up NordVPN manually/);
    expect(JSON.stringify(r)).not.toContain(wrong);
    expect(fake.server.calls).toEqual([{ method: 'GET', path: '/v1/users/services/credentials', status: 401 }]);
    expect(await vault.get('vpn.wireguard.private_key')).toBeNull();
  });

  it('NordVPN unreachable: says so and how to fix it', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const r = await appFor(closed).call('vpn.nordvpn.derive', { token: TOKEN, type: 'wireguard' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'NordVPN could not be reached, so the WireGuard key could not be fetched.',
        fix: 'Check that this PC is online (api.nordvpn.com must be reachable), then try again.',
        // Every INTERNAL error without an action of its own offers the environment checks (contract/fix-action.ts).
        action: expect.objectContaining({ action: 'checks.run' }),
      },
    });
  });

  it('an answer without the credentials is refused, not stored', async () => {
    fake.server.fault = { kind: 'malformed' };
    const r = await appFor(fake.server.url).call('vpn.nordvpn.derive', { token: TOKEN, type: 'wireguard' });
    expect(r.ok ? null : r.error.message).toBe('NordVPN answered, but not with the service credentials we expected.');
    expect(await vault.get('vpn.wireguard.private_key')).toBeNull();
  });

  it('an e-mail in place of the token is refused at the door, before any request', async () => {
    const r = await appFor(fake.server.url).call('vpn.nordvpn.derive', { token: 'me@example.com', type: 'wireguard' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'BAD_INPUT', field: 'input.token' });
    expect(fake.server.calls).toEqual([]);
  });
});
