// What keeps secrets out of a diagnostics bundle: a redactor that knows every value stored in the vault right now (in
// every form compose and the logs write it), and a by-name censor for `KEY: value` lines a value check cannot know.
import { secretNames } from '../contract/secret-names';
import { createRedactor, REDACTED, type Redactor } from '../log/redactor';
import { composeEnvValue } from '../vault/compose-env-value';
import type { SecretVault } from '../vault/secret-vault';

/**
 * A fresh redactor holding every stored secret; it does not rely on what this process happened to read before
 * (the process-wide redactor only knows values the vault handed out since start). A locked vault fails the export:
 * a bundle built without knowing the secrets could not promise to hold none.
 */
export async function vaultRedactor(vault: Pick<SecretVault, 'get'>, extra: Iterable<string> = []): Promise<Redactor> {
  const r = createRedactor();
  for (const name of secretNames) {
    const value = await vault.get(name);
    if (!value) continue;
    r.add(value);
    // The form the compose child sees (e.g. `$` doubled): compose config may print that one.
    r.add(composeEnvValue(name, value));
  }
  for (const v of extra) r.add(v);
  return r;
}

/** Names that carry a credential whatever their value: environment keys, YAML/JSON keys, `KEY=value` lines. */
const SECRET_KEY =
  /(PASSWORD|PASSWD|PASS|TOKEN|SECRET|API_?KEY|PRIVATE_?KEY|PRESHARED_?KEY|PASSPHRASE|CLAIM|CREDENTIAL)/i;

/**
 * Censors the value of every `key: value`, `key=value` or `"key": "value"` whose key names a credential. Applied to
 * text from outside the app's own logger (compose config, the stack's files), where a value may be one the vault
 * never held (typed into .env by hand).
 */
export function censorSecretKeys(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^(\s*-?\s*"?)([A-Za-z0-9_.-]+)("?\s*[:=]\s*)(.*)$/.exec(line);
      if (!m || !SECRET_KEY.test(m[2]!)) return line;
      const value = m[4]!.trim();
      // An empty value, or one opening a nested block, holds nothing to hide.
      if (value === '' || value === '{' || value === '[' || value === '|' || value === '>') return line;
      const comma = value.endsWith(',') ? ',' : '';
      return `${m[1]}${m[2]}${m[3]}${JSON.stringify(REDACTED)}${comma}`;
    })
    .join('\n');
}
