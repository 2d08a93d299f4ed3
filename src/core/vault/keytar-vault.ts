// Production vault: the OS credential vault through keytar, service name `Ultimate Plex Stack`.
import { createKeytarStore } from './keytar-store';
import { createSecretVault, VAULT_SERVICE, type SecretVault, type VaultOptions } from './secret-vault';

/** `service` is the vault's name in the keyring: VAULT_SERVICE in production; tests pass their own (one keyring, many suites). */
export function createKeytarVault(service: string = VAULT_SERVICE, opts: VaultOptions = {}): SecretVault {
  return createSecretVault(createKeytarStore(service), opts);
}
