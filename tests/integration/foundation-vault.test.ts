// The vault through keytar against a real Secret Service (gnome-keyring in CI's D-Bus session).
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKeytarVault } from '../../src/core/vault/keytar-vault';
import { PROBE_ACCOUNT, probeVault } from '../../src/core/vault/vault-probe';
import { requireSecretService } from '../helpers/require-env';

const service = `UPS foundation test ${randomBytes(4).toString('hex')}`;

beforeAll(() => requireSecretService());

describe('keytar vault on a real Secret Service', () => {
  it('round-trips set, get and delete', async () => {
    const vault = createKeytarVault(service);
    const value = `s3cret-${randomBytes(8).toString('hex')}`;
    await vault.set('plex.token', value);
    expect(await vault.get('plex.token')).toBe(value);
    expect(await vault.delete('plex.token')).toBe(true);
    expect(await vault.get('plex.token')).toBeNull();
    expect(await vault.delete('plex.token')).toBe(false);
  });

  it('the probe reports usable and leaves nothing behind', async () => {
    const vault = createKeytarVault(service);
    const facts = await probeVault(vault);
    expect(facts).toMatchObject({ usable: true });
    expect(await vault.get(PROBE_ACCOUNT)).toBeNull();
  });

  it('the probe reports unusable with the reason when the backend fails', async () => {
    const broken = {
      backend: 'broken',
      set: async () => {
        throw new Error('The name org.freedesktop.secrets was not provided');
      },
      get: async () => null,
      delete: async () => false,
    };
    const facts = await probeVault(broken);
    expect(facts.usable).toBe(false);
    expect(facts.reason).toContain('org.freedesktop.secrets');
  });
});
