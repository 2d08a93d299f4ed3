// Validate → check the targets → generate → write (docs/decisions.md D9, docs/decisions.md D30): the install root changes only
// when the whole config is valid and its folders can be written; stack.yml, compose.yaml, .env and the install pointer
// are written as one generation; vault entries made for an install that then fails are removed again.
import type { StackConfig, UpsError } from '../contract';
import type { QualityPresetName } from '../contract/arr-config';
import { fixAction } from '../contract/fix-action';
import { secretLabels } from '../contract/secret-names';
import { writeInstallFiles, type WriteReport } from '../fs/install-writer';
import { isDamaged, readStateText, setAsideDamaged } from '../fs/read-state-file';
import { arrConfigPath } from '../install/read-arr-config';
import { checkWriteTargets } from '../fs/write-target';
import { validateStackConfig } from '../install/validate-config';
import { installPointerContent, installPointerFile, installPointerSpec } from '../profile/user-profile';
import type { Catalog } from './catalog';
import { generateStack, type GeneratedStack } from './generate-stack';
import { ensureGeneratedSecrets, missingUserSecrets, type StackVault } from './stack-secrets';

export type WriteStackResult =
  | { ok: true; config: StackConfig; generated: GeneratedStack; report: WriteReport; createdSecrets: string[] }
  | { ok: false; errors: UpsError[] };

export interface WriteStackDeps {
  catalog: Catalog;
  /** `delete` lets a failed install take back the secrets it made (the real vault has it). */
  vault: StackVault & { delete?(name: string): Promise<unknown> };
  now?: Date;
  /** The user profile folder: when given, the install pointer is written in the same generation as the files. */
  configDir?: string;
  platform?: NodeJS.Platform;
  /** Where the app reaches the engine's published ports (see generateCompose); 127.0.0.1 by default. */
  publishHost?: string;
  /** The wizard's quality preset for arr.yml (generateStack); absent keeps the file's. */
  qualityPreset?: QualityPresetName;
}

export async function writeStack(input: unknown, deps: WriteStackDeps): Promise<WriteStackResult> {
  const valid = validateStackConfig(input);
  if (!valid.ok) return valid;
  const cfg = valid.value;
  // Before the vault or the disk is touched: every folder written now, or made at start, fits and can be written.
  const unfit = await checkWriteTargets(
    [
      { path: cfg.installRoot, field: 'installRoot', label: 'the install folder' },
      { path: cfg.dataRoot, field: 'dataRoot', label: 'the media folder', mustBeWritable: false },
      ...(deps.configDir ? [{ path: deps.configDir, field: 'configDir', label: "the app's settings folder" }] : []),
    ],
    deps.platform,
  );
  if (unfit.length > 0) return { ok: false, errors: unfit };
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
  // arr.yml is the user's: a re-install keeps it byte for byte (read raw, so even one they are mid-way editing).
  const arrText = await readStateText(arrConfigPath(cfg.installRoot), 'The Arr settings file', 'Check the file.').catch(
    () => null,
  );
  const generated = generateStack(cfg, deps.catalog, arrText ?? undefined, deps.publishHost, deps.qualityPreset);
  const createdSecrets = await ensureGeneratedSecrets(deps.vault, cfg);
  let report: WriteReport;
  try {
    const pointer = deps.configDir
      ? { file: installPointerFile(deps.configDir), content: installPointerContent(cfg.installRoot) }
      : undefined;
    // Installing again is the fix a damaged pointer names: keep the damaged one aside rather than overwrite it.
    if (pointer && (await isDamaged(pointer.file, installPointerSpec))) await setAsideDamaged(pointer.file, deps.now);
    report = await writeInstallFiles(cfg.installRoot, generated.files, deps.now, {
      ...(pointer ? { pointer } : {}),
      ...(cfg.keepBackups !== undefined ? { keepBackups: cfg.keepBackups } : {}),
    });
  } catch (err) {
    // Nothing of this install stands (the writer rolled back): the secrets it made would only mislead a later run.
    for (const name of createdSecrets) await deps.vault.delete?.(name).catch(() => undefined);
    throw err;
  }
  return { ok: true, config: cfg, generated, report, createdSecrets };
}
