// keytar adapter for the SecretVault port; loaded lazily so a missing native build is a clear error, not a crash.
import { createRequire } from 'node:module';
import { VAULT_SERVICE, vaultBackendName, type SecretVault } from './secret-vault';

type Keytar = {
  setPassword(service: string, account: string, password: string): Promise<void>;
  getPassword(service: string, account: string): Promise<string | null>;
  deletePassword(service: string, account: string): Promise<boolean>;
};

let cached: Keytar | undefined;
function loadKeytar(): Keytar {
  if (!cached) {
    const require = createRequire(import.meta.url);
    cached = require('keytar') as Keytar;
  }
  return cached;
}

export function createKeytarVault(service: string = VAULT_SERVICE, platform: NodeJS.Platform = process.platform): SecretVault {
  return {
    backend: vaultBackendName(platform),
    set: (name, value) => loadKeytar().setPassword(service, name, value),
    get: (name) => loadKeytar().getPassword(service, name),
    delete: (name) => loadKeytar().deletePassword(service, name),
  };
}
