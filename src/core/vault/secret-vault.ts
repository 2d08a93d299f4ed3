// The SecretVault port (DESIGN D4): secrets live only in the OS credential vault.
export const VAULT_SERVICE = 'Ultimate Plex Stack';

export interface SecretVault {
  /** Which backend this is, for checks and messages ("Windows Credential Manager", "Secret Service"). */
  readonly backend: string;
  set(name: string, value: string): Promise<void>;
  /** Core-internal only: never exposed through a door. */
  get(name: string): Promise<string | null>;
  delete(name: string): Promise<boolean>;
}

export function vaultBackendName(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'Windows Credential Manager';
  if (platform === 'darwin') return 'macOS Keychain';
  return 'Secret Service (gnome-keyring / KWallet)';
}
