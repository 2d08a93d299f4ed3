// Proves the vault works with a real write/read/delete of a throwaway entry, never touching user secrets.
import { randomBytes } from 'node:crypto';
import type { VaultFacts } from '../contract';
import type { SecretVault } from './secret-vault';

export const PROBE_ACCOUNT = 'ups-probe';

export async function probeVault(vault: SecretVault): Promise<VaultFacts> {
  const marker = randomBytes(12).toString('hex');
  try {
    await vault.set(PROBE_ACCOUNT, marker);
    const back = await vault.get(PROBE_ACCOUNT);
    await vault.delete(PROBE_ACCOUNT);
    if (back !== marker) return { usable: false, backend: vault.backend, reason: 'the vault accepted a value but gave back a different one' };
    return { usable: true, backend: vault.backend };
  } catch (err) {
    return { usable: false, backend: vault.backend, reason: err instanceof Error ? err.message : String(err) };
  }
}
