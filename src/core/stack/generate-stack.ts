// Everything the install root holds for a config: stack.yml, compose.yaml, .env, arr.yml. Pure: same config → same bytes.
import type { StackConfig } from '../contract';
import type { FileToWrite } from '../fs/install-writer';
import type { Catalog } from './catalog';
import { renderEnvFile } from './env-file';
import { generateCompose, type GeneratedCompose } from './generate-compose';
import { serializeStackConfig, STACK_FILE } from '../install/stack-file';
import { ARR_CONFIG_FILE, defaultArrConfig, serializeArrConfig, withQualityPreset } from '../install/arr-config-file';
import type { QualityPresetName } from '../contract/arr-config';

import { COMPOSE_FILE, ENV_FILE } from '../install/install-layout';

export { COMPOSE_FILE, ENV_FILE };

export interface GeneratedStack {
  files: FileToWrite[];
  compose: GeneratedCompose;
}

/**
 * `arrConfigText`: the install's current arr.yml, kept as the user left it (it is theirs, docs/decisions.md D32); a
 * new install gets the defaults. Either way it is written in the same generation as the other files. `qualityPreset`:
 * the wizard's choice, the new file's preset or set in the existing one (only those lines change).
 */
export function generateStack(
  cfg: StackConfig,
  catalog: Catalog,
  arrConfigText?: string,
  publishHost?: string,
  qualityPreset?: QualityPresetName,
): GeneratedStack {
  const arrText =
    arrConfigText === undefined
      ? serializeArrConfig(defaultArrConfig(cfg, qualityPreset))
      : qualityPreset
        ? withQualityPreset(arrConfigText, qualityPreset)
        : arrConfigText;
  const compose = generateCompose(cfg, catalog, publishHost);
  return {
    compose,
    files: [
      { name: STACK_FILE, content: serializeStackConfig(cfg) },
      { name: COMPOSE_FILE, content: compose.text },
      { name: ENV_FILE, content: renderEnvFile(cfg) },
      { name: ARR_CONFIG_FILE, content: arrText },
    ],
  };
}
