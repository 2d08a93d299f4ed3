// The SecretVault port (docs/decisions.md D4) and its implementation over a credential store: validated names and values,
// time limits, clear locked/absent errors, and every value handed to the redactor. Electron-free.
import { UpsFailure } from '../contract/envelope';
import { SecretValueSchema } from '../contract/secret-value';
import { secretRedactor, type Redactor } from '../log/redactor';
import type { CredentialStore } from './keytar-store';
import {
  INDEXER_SECRET_PATTERN,
  SecretNameSchema,
  secretNames,
  type IndexerSecretName,
  type SecretName,
} from '../contract/secret-names';
import { toVaultError } from './vault-errors';
import { PROBE_ACCOUNT } from './vault-probe';

export const VAULT_SERVICE = 'Ultimate Plex Stack';

/** The registry's names, plus the probe's throwaway entry (random, written and deleted at once). */
export type VaultAccount = SecretName | IndexerSecretName | typeof PROBE_ACCOUNT;

export interface SecretVault {
  /** Which backend this is, for checks and messages ("Windows Credential Manager", "Secret Service"). */
  readonly backend: string;
  set(name: VaultAccount, value: string): Promise<void>;
  /** Core-internal only: never exposed through a door. null when not set (or when a Secret Service is locked:
   *  use requireSecret/secretsStatus, which tell the two apart). */
  get(name: VaultAccount): Promise<string | null>;
  delete(name: VaultAccount): Promise<boolean>;
}

export function vaultBackendName(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'Windows Credential Manager';
  if (platform === 'darwin') return 'macOS Keychain';
  return 'Secret Service (gnome-keyring / KWallet)';
}

export interface VaultOptions {
  backend?: string;
  platform?: NodeJS.Platform;
  redactor?: Redactor;
  /** A locked desktop keyring shows an unlock prompt; we wait this long for an answer. */
  timeoutMs?: number;
}

export function createSecretVault(store: CredentialStore, opts: VaultOptions = {}): SecretVault {
  const platform = opts.platform ?? process.platform;
  const backend = opts.backend ?? vaultBackendName(platform);
  const redactor = opts.redactor ?? secretRedactor;
  const timeoutMs = opts.timeoutMs ?? 20_000;

  async function guarded<T>(what: () => Promise<T>): Promise<T> {
    try {
      return await withTimeout(what(), timeoutMs);
    } catch (err) {
      throw toVaultError(err, backend, platform);
    }
  }

  return {
    backend,
    async set(rawName, value) {
      const name = accountOf(rawName);
      const v = SecretValueSchema.safeParse(value);
      // The message names the rule, never the value.
      if (!v.success)
        throw new UpsFailure({
          code: 'BAD_INPUT',
          field: 'value',
          message: `${name}: ${v.error.issues[0]?.message ?? 'invalid value'}.`,
          fix: 'Enter the secret again.',
        });
      redactor.add(value);
      await guarded(() => store.set(name, value));
    },
    async get(rawName) {
      const value = await guarded(() => store.get(accountOf(rawName)));
      if (value) redactor.add(value);
      return value;
    },
    delete: async (rawName) => guarded(() => store.delete(accountOf(rawName))),
  };
}

/** The closed registry, enforced at run time too: a door or a typo cannot create another entry. */
export function accountOf(raw: unknown): VaultAccount {
  if (raw === PROBE_ACCOUNT) return raw;
  const parsed = SecretNameSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (typeof raw === 'string' && INDEXER_SECRET_PATTERN.test(raw)) return raw as IndexerSecretName;
  throw new UpsFailure({
    code: 'BAD_INPUT',
    field: 'name',
    message: `${JSON.stringify(raw)} is not a secret this app stores.`,
    fix: `Use one of: ${secretNames.join(', ')}, or indexer.<name>.<field>.`,
  });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}
