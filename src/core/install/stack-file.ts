// stack.yml: the saved StackConfig (no secrets), written with a fixed key order so re-saving changes nothing.
import { stringify } from 'yaml';
import type { StackConfig } from '../contract';
import { validateStackConfigText, type ConfigResult } from './validate-config';

import { STACK_FILE } from './install-layout';

export { STACK_FILE };

const HEADER = [
  '# Ultimate Plex Stack: the description of this install (docs/decisions.md D3).',
  '# compose.yaml and .env are generated from this file; secrets are never stored here (they live in the OS vault).',
  '',
].join('\n');

export function serializeStackConfig(cfg: StackConfig): string {
  return HEADER + stringify(cfg, { lineWidth: 0, sortMapEntries: false });
}

export function parseStackFile(text: string): ConfigResult {
  return validateStackConfigText(text, STACK_FILE);
}
