// What core does with the vault beyond the port: status without values, required reads, deletes that notice a lock.
import { UpsFailure, type SecretsStatus } from '../contract';
import { fixAction } from '../contract/fix-action';
import type { SecretVault } from './secret-vault';
import { envVarFor, secretLabels, secretNames, type SecretName } from '../contract/secret-names';
import { assertUnlocked } from './vault-probe';

/** Which names are set, never their values. A locked vault is an error, not "nothing set". */
export async function secretsStatus(
  vault: SecretVault,
  platform: NodeJS.Platform = process.platform,
): Promise<SecretsStatus> {
  await assertUnlocked(vault, platform);
  const entries = [];
  for (const name of secretNames) {
    const value = await vault.get(name);
    entries.push({ name, label: secretLabels[name], envVar: envVarFor(name), set: value !== null });
  }
  return { backend: vault.backend, entries };
}

/** The value, or an error naming what is wrong: not set (and how to set it), or the vault is locked/absent. */
export async function requireSecret(
  vault: SecretVault,
  name: SecretName,
  platform: NodeJS.Platform = process.platform,
): Promise<string> {
  const value = await vault.get(name);
  if (value !== null) return value;
  await assertUnlocked(vault, platform);
  throw new UpsFailure({
    code: 'NOT_FOUND',
    field: name,
    message: `The secret ${name} (${secretLabels[name]}) is not set.`,
    fix: 'Store it, then try again.',
    action: fixAction('secrets.set', { name }, `Set ${secretLabels[name]}`),
  });
}

/** true when an entry was removed; a locked vault (which answers false) is an error instead. */
export async function deleteSecret(
  vault: SecretVault,
  name: SecretName,
  platform: NodeJS.Platform = process.platform,
): Promise<boolean> {
  await assertUnlocked(vault, platform);
  return vault.delete(name);
}
