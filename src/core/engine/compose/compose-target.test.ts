// The compose child's secret variables: stored values become UPS_… variables, and a vault that cannot be read stops
// the run with the vault's own plain message instead of a "missing value" from compose later.
import { describe, expect, it } from 'vitest';
import type { SecretVault } from '../../vault/secret-vault';
import { VaultError } from '../../vault/vault-errors';
import { readSecretEnv } from './compose-target';

function vault(values: Record<string, string>, failOn?: string): SecretVault {
  return {
    backend: 'Secret Service',
    set: async () => undefined,
    get: async (name) => {
      if (name === failOn) throw new Error('Cannot create an item in a locked collection');
      return values[name] ?? null;
    },
    delete: async () => false,
  };
}

describe('readSecretEnv', () => {
  it('maps stored secrets to their compose variables and leaves absent ones out', async () => {
    const env = await readSecretEnv(vault({ 'radarr.api_key': 'k'.repeat(32) }), 'linux');
    expect(env.UPS_RADARR_API_KEY).toBe('k'.repeat(32));
    expect(Object.keys(env)).toEqual(['UPS_RADARR_API_KEY']);
  });

  it('says the vault cannot be read (locked) instead of dropping the value', async () => {
    const err = await readSecretEnv(vault({}, 'vpn.control.api_key'), 'linux').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VaultError);
    expect((err as VaultError).problem).toBe('locked');
  });
});
