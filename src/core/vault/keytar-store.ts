// The raw keytar binding (one account per secret under one service), loaded lazily so a missing native module is a
// clear vault error, not a crash at start-up. Only the vault uses it; it never lists credentials because keytar's
// findCredentials segfaults on a locked Secret Service collection (seen with libsecret 0.20 on Debian 12).
import { createRequire } from 'node:module';

/**
 * `@github/keytar`: the keytar API and native source (so the same Credential Manager / libsecret entries as the archived
 * `keytar` this app used before) with N-API prebuilts inside the package, loaded from `prebuilds/<platform>-<arch>`
 * with its install script denied (package.json allowScripts): nothing is downloaded or compiled at install, and
 * Electron needs no rebuild (electron-builder.yml npmRebuild: false). tests/integration/vault-pre-swap-entry.test.ts
 * reads an entry written the way the old binding wrote it.
 */
export const KEYTAR_MODULE = '@github/keytar';

export interface CredentialStore {
  set(account: string, value: string): Promise<void>;
  get(account: string): Promise<string | null>;
  delete(account: string): Promise<boolean>;
}

type Keytar = {
  setPassword(service: string, account: string, password: string): Promise<void>;
  getPassword(service: string, account: string): Promise<string | null>;
  deletePassword(service: string, account: string): Promise<boolean>;
};

let cached: Keytar | undefined;
function loadKeytar(): Keytar {
  if (!cached) cached = createRequire(import.meta.url)(KEYTAR_MODULE) as Keytar;
  return cached;
}

export function createKeytarStore(service: string): CredentialStore {
  return {
    set: async (account, value) => loadKeytar().setPassword(service, account, value),
    get: async (account) => loadKeytar().getPassword(service, account),
    delete: async (account) => loadKeytar().deletePassword(service, account),
  };
}
