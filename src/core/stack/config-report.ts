// The effective config from stack.yml, and each secret a config needs as set/unset (never values): the logic behind
// stack.config.show and stack.config.secrets.
import { join } from 'node:path';
import {
  UpsFailure,
  type ConfigSecret,
  type StackConfig,
  type StackConfigReport,
  type StackConfigSecrets,
  type UpsError,
} from '../contract';
import { envVarFor } from '../contract/secret-names';
import { fixAction } from '../contract/fix-action';
import { generatedSecretsFor, userSecretsFor, type StackVault } from './stack-secrets';
import { readInstalledStack } from '../install/read-installed-stack';
import { STACK_FILE } from '../install/stack-file';
import { validateStackConfig } from '../install/validate-config';
import { requireInstallRoot } from '../install/not-installed';

/** Every secret the config needs, user-entered first, each with whether the vault holds it. */
export async function configSecrets(cfg: StackConfig, vault: StackVault): Promise<ConfigSecret[]> {
  const secrets: ConfigSecret[] = [];
  for (const [origin, names] of [
    ['user', userSecretsFor(cfg)],
    ['generated', generatedSecretsFor(cfg)],
  ] as const) {
    for (const name of names)
      secrets.push({ name, envVar: envVarFor(name), origin, set: (await vault.get(name)) !== null });
  }
  return secrets;
}

export async function readConfigReport(
  installRoot: string,
  vault: StackVault,
): Promise<{ ok: true; value: StackConfigReport } | { ok: false; errors: UpsError[] }> {
  // The one stack.yml reader: a damaged file or a folder in its place is named with its path and fix.
  let config: StackConfig | null;
  try {
    config = await readInstalledStack(installRoot);
  } catch (err) {
    if (err instanceof UpsFailure) return { ok: false, errors: [err.error] };
    throw err;
  }
  if (!config)
    return {
      ok: false,
      errors: [
        {
          code: 'NOT_FOUND',
          field: STACK_FILE,
          message: `${join(installRoot, STACK_FILE)} does not exist.`,
          fix: 'Run the setup to create the stack.',
          action: fixAction('setup.start'),
        },
      ],
    };
  return { ok: true, value: { installRoot, config, secrets: await configSecrets(config, vault) } };
}

/** One failure for several problems: the first as-is, the others named in its message. */
function oneFailure(errors: UpsError[]): UpsFailure {
  const [first, ...rest] = errors;
  return new UpsFailure({
    ...first!,
    message: rest.length
      ? `${first!.message} (and ${rest.length} more: ${rest.map((e) => e.field).join(', ')})`
      : first!.message,
  });
}

/** stack.config.show: the installed stack's config; NOT_FOUND before the first install. */
export async function showStackConfig(deps: {
  installRoot(): Promise<string | null>;
  vault: StackVault;
}): Promise<StackConfigReport> {
  const root = await requireInstallRoot(deps.installRoot);
  const r = await readConfigReport(root, deps.vault);
  if (!r.ok) throw oneFailure(r.errors);
  return r.value;
}

/** stack.config.secrets: which secrets this (not yet installed) config needs and which the vault already holds. */
export async function secretsForConfig(input: unknown, vault: StackVault): Promise<StackConfigSecrets> {
  const valid = validateStackConfig(input);
  if (!valid.ok) throw oneFailure(valid.errors);
  return { secrets: await configSecrets(valid.value, vault) };
}
