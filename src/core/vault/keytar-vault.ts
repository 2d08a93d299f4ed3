// Production vault: the OS credential vault through keytar, service name `Ultimate Plex Stack`.
import { createKeytarStore } from './keytar-store';
import { createSecretVault, VAULT_SERVICE, type SecretVault, type VaultOptions } from './secret-vault';

/** UPS_VAULT_SERVICE is a test seam, like UPS_COMPOSE_PROJECT: parallel suites share one keyring in CI. */
export function createKeytarVault(service: string = process.env.UPS_VAULT_SERVICE || VAULT_SERVICE, opts: VaultOptions = {}): SecretVault {
  return createSecretVault(createKeytarStore(service), opts);
}
