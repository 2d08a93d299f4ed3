// Validate → generate → write (docs/decisions.md D9): the install root changes only when the whole config is valid.
import type { StackConfig, UpsError } from '../contract';
import { fixAction } from '../contract/fix-action';
import { secretLabels } from '../contract/secret-names';
import { writeInstallFiles, type WriteReport } from '../fs/install-writer';
import type { Catalog } from './catalog';
import { generateStack, type GeneratedStack } from './generate-stack';
import { ensureGeneratedSecrets, missingUserSecrets, type StackVault } from './stack-secrets';
import { validateStackConfig } from '../install/validate-config';

export type WriteStackResult =
  | { ok: true; config: StackConfig; generated: GeneratedStack; report: WriteReport; createdSecrets: string[] }
  | { ok: false; errors: UpsError[] };

export interface WriteStackDeps {
  catalog: Catalog;
  vault: StackVault;
  now?: Date;
}

export async function writeStack(input: unknown, deps: WriteStackDeps): Promise<WriteStackResult> {
  const valid = validateStackConfig(input);
  if (!valid.ok) return valid;
  const cfg = valid.value;
  const missing = await missingUserSecrets(deps.vault, cfg);
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map((name) => ({
        code: 'BAD_INPUT' as const,
        field: `secrets.${name}`,
        message: `The secret ${name} is needed for VPN type ${cfg.vpn.type} and is not in the vault.`,
        fix: `Store it (${secretLabels[name]}), then install again.`,
        action: fixAction('secrets.set', { name }, `Set ${secretLabels[name]}`),
      })),
    };
  }
  // Generation is pure and throws only on a broken catalog: do it before touching the vault or the disk.
  const generated = generateStack(cfg, deps.catalog);
  const createdSecrets = await ensureGeneratedSecrets(deps.vault, cfg);
  const report = await writeInstallFiles(cfg.installRoot, generated.files, deps.now);
  return { ok: true, config: cfg, generated, report, createdSecrets };
}
