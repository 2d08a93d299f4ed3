// Injection (docs/decisions.md D4): the environment a compose child process needs, built from the vault in memory only.
// The result goes to execa's `env`, never to a file; every value is already known to the redactor.
import type { SecretVault } from './secret-vault';
import { envVarFor, type SecretName } from '../contract/secret-names';
import { requireSecret } from './secrets-service';

/** `{ UPS_PLEX_TOKEN: '…', … }` for the given names; a missing entry or a locked vault throws a clear error. */
export async function secretsEnvFor(
  names: readonly SecretName[],
  vault: SecretVault,
  base: NodeJS.ProcessEnv = {},
): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of new Set(names)) env[envVarFor(name)] = await requireSecret(vault, name);
  return env;
}
