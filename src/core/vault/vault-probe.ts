// Proves the vault works with a real write/read/delete of a throwaway entry, never touching user secrets.
// A locked Secret Service answers reads with null and deletes with false, so only a write tells the truth.
import { randomBytes } from 'node:crypto';
import type { VaultFacts } from '../contract';
import type { SecretVault } from './secret-vault';
import { toVaultError, VaultError, vaultProblemText, type VaultProblem } from './vault-errors';

export const PROBE_ACCOUNT = 'ups-probe';

/** Throws a VaultError (locked / absent / …) unless the vault stores and returns a value right now. */
export async function assertUnlocked(vault: SecretVault, platform: NodeJS.Platform = process.platform): Promise<void> {
  const marker = randomBytes(12).toString('hex');
  try {
    await vault.set(PROBE_ACCOUNT, marker);
    const back = await vault.get(PROBE_ACCOUNT);
    await vault.delete(PROBE_ACCOUNT);
    if (back !== marker)
      throw new VaultError(
        'locked',
        vaultProblemText('locked', vault.backend, platform, 'the vault accepted a value but gave back a different one'),
      );
  } catch (err) {
    throw toVaultError(err, vault.backend, platform);
  }
}

export async function probeVault(
  vault: SecretVault,
  platform: NodeJS.Platform = process.platform,
): Promise<VaultFacts & { problem?: VaultProblem }> {
  try {
    await assertUnlocked(vault, platform);
    return { usable: true, backend: vault.backend };
  } catch (err) {
    const e = toVaultError(err, vault.backend, platform);
    return { usable: false, backend: vault.backend, reason: `${e.message} Fix: ${e.error.fix}`, problem: e.problem };
  }
}
