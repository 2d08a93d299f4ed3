// Reads arr.yml back through the state-file reader's policy (a missing file is null; a bad one names its path, line,
// field and the fix), and writes it as part of the install's generation with the previous version kept.
import { join } from 'node:path';
import type { ArrConfig } from '../contract/arr-config';
import { settleInterruptedWrite, writeInstallFiles, type WriteReport } from '../fs/install-writer';
import { damagedFile, readStateText } from '../fs/read-state-file';
import { ARR_CONFIG_FILE, parseArrConfig, serializeArrConfig } from './arr-config-file';
import { installFileFix } from './read-installed-stack';

const WHAT = 'The Arr settings file';

export function arrConfigPath(installRoot: string): string {
  return join(installRoot, ARR_CONFIG_FILE);
}

/** null when the install has no arr.yml (a stack installed before it existed: the wiring uses the defaults). */
export async function readArrConfig(installRoot: string): Promise<ArrConfig | null> {
  await settleInterruptedWrite(installRoot);
  const file = arrConfigPath(installRoot);
  const text = await readStateText(file, WHAT, installFileFix(installRoot));
  if (text === null) return null;
  const r = parseArrConfig(text);
  if (r.ok) return r.value;
  const where = [r.line !== undefined ? `line ${r.line}` : undefined, r.field].filter(Boolean).join(', ');
  throw damagedFile(
    file,
    WHAT,
    r.message,
    `${r.fix} Or restore the previous version from ${join(installRoot, '.backups')}.`,
    where || undefined,
  );
}

/** Replaces arr.yml atomically (the previous version goes to .backups); an identical file is left alone. */
export async function writeArrConfig(installRoot: string, cfg: ArrConfig, now?: Date): Promise<WriteReport> {
  return writeInstallFiles(installRoot, [{ name: ARR_CONFIG_FILE, content: serializeArrConfig(cfg) }], now);
}
