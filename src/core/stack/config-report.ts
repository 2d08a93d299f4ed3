// `ups config show` in core: the effective config from stack.yml, and each secret it needs as set/unset (never values).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StackConfig, UpsError } from '../contract';
import { envVarFor, type SecretName } from '../contract/secret-names';
import { generatedSecretsFor, userSecretsFor, type StackVault } from './stack-secrets';
import { parseStackFile, STACK_FILE } from '../install/stack-file';

export interface SecretState {
  name: SecretName;
  envVar: string;
  origin: 'user' | 'generated';
  set: boolean;
}

export interface ConfigReport {
  installRoot: string;
  config: StackConfig;
  secrets: SecretState[];
}

export async function readConfigReport(installRoot: string, vault: StackVault): Promise<{ ok: true; value: ConfigReport } | { ok: false; errors: UpsError[] }> {
  let text: string;
  try {
    text = await readFile(join(installRoot, STACK_FILE), 'utf8');
  } catch (err) {
    return { ok: false, errors: [{ code: 'NOT_FOUND', field: STACK_FILE, message: `${join(installRoot, STACK_FILE)} cannot be read: ${(err as Error).message}`, fix: 'Run `ups init --config answers.yml` to create the stack.' }] };
  }
  const parsed = parseStackFile(text);
  if (!parsed.ok) return parsed;
  const cfg = parsed.value;
  const secrets: SecretState[] = [];
  for (const [origin, names] of [['user', userSecretsFor(cfg)], ['generated', generatedSecretsFor(cfg)]] as const) {
    for (const name of names) secrets.push({ name, envVar: envVarFor(name), origin, set: (await vault.get(name)) !== null });
  }
  return { ok: true, value: { installRoot, config: cfg, secrets } };
}
