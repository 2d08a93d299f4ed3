// `ups init` in core: answers file → validated config → missing VPN secrets (environment or a prompt the door
// supplies) → vault → stack files → install pointer. Nothing is written unless the answers are valid.
import { join } from 'node:path';
import type { UpsError } from '../contract';
import { writeFileAtomic } from '../fs/atomic-write';
import { envVarFor, type SecretName } from '../contract/secret-names';
import type { Catalog } from './catalog';
import { missingUserSecrets, type StackVault } from './stack-secrets';
import { validateStackConfigText } from '../install/validate-config';
import { writeStack, type WriteStackResult } from './write-stack';

export interface InitDeps {
  catalog: Catalog;
  vault: StackVault;
  /** Per-user config dir where install.json records the install root. */
  configDir: string;
  /** Take missing secrets from UPS_… variables of this environment (`--secrets-from-env`). */
  secretsFromEnv?: NodeJS.ProcessEnv;
  /** Ask the user (terminal without echo, wizard field); absent when nobody can be asked. */
  askSecret?: (name: SecretName) => Promise<string>;
  now?: Date;
}

export type InitResult = { ok: true; value: Extract<WriteStackResult, { ok: true }> } | { ok: false; errors: UpsError[] };

export async function initStack(answers: string, source: string, deps: InitDeps): Promise<InitResult> {
  const valid = validateStackConfigText(answers, source);
  if (!valid.ok) return valid;
  const cfg = valid.value;
  const errors: UpsError[] = [];
  const supplied: [SecretName, string][] = [];
  for (const name of await missingUserSecrets(deps.vault, cfg)) {
    const fromEnv = deps.secretsFromEnv?.[envVarFor(name)];
    const value = fromEnv ?? (deps.askSecret ? await deps.askSecret(name) : undefined);
    if (value && value.trim() !== '') supplied.push([name, value]);
    else {
      errors.push({
        code: 'BAD_INPUT',
        field: `secrets.${name}`,
        message: `secrets.${name}: the ${name} secret is needed and was not given.`,
        fix: deps.secretsFromEnv ? `Set ${envVarFor(name)} in the environment of \`ups init --secrets-from-env\`.` : `Run \`ups init\` in a terminal to be asked, or pass it as ${envVarFor(name)} with --secrets-from-env.`,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  for (const [name, value] of supplied) await deps.vault.set(name, value);
  const written = await writeStack(cfg, { catalog: deps.catalog, vault: deps.vault, now: deps.now });
  if (!written.ok) return written;
  await writeFileAtomic(join(deps.configDir, 'install.json'), `${JSON.stringify({ installRoot: cfg.installRoot }, null, 2)}\n`);
  return { ok: true, value: written };
}
