// Persists the setup wizard's progress (no secrets) as wizard.json in the per-user config dir, atomically, zod-checked on read.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UpsFailure, WizardProgressSchema, type WizardProgress } from '../contract';
import { fromZodError } from '../contract/envelope';
import { writeFileAtomic } from '../fs/atomic-write';

export const WIZARD_FILE = 'wizard.json';

export function wizardFile(configDir: string): string {
  return join(configDir, WIZARD_FILE);
}

/** null when the wizard never ran; a damaged file is reported with its path and how to start over, never guessed at. */
export async function loadWizardProgress(configDir: string): Promise<WizardProgress | null> {
  const file = wizardFile(configDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UpsFailure({
      code: 'INTERNAL',
      message: `Cannot read ${file}: ${(err as Error).message}`,
      fix: `Check the permissions of ${configDir}.`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw damaged(file, 'it is not JSON');
  }
  const parsed = WizardProgressSchema.safeParse(json);
  if (!parsed.success) throw damaged(file, fromZodError(parsed.error, 'wizard').message);
  return parsed.data;
}

export async function saveWizardProgress(
  configDir: string,
  progress: WizardProgress,
  now: Date = new Date(),
): Promise<{ savedAt: string }> {
  // Validated here as well as at the door: this function is the last thing between the data and the disk.
  const parsed = WizardProgressSchema.safeParse(progress);
  if (!parsed.success) throw new UpsFailure(fromZodError(parsed.error, 'wizard'));
  const savedAt = now.toISOString();
  await writeFileAtomic(wizardFile(configDir), `${JSON.stringify({ ...parsed.data, savedAt }, null, 2)}\n`, {
    mode: 0o600,
  });
  return { savedAt };
}

function damaged(file: string, why: string): UpsFailure {
  return new UpsFailure({
    code: 'INTERNAL',
    message: `The saved setup progress in ${file} is damaged: ${why}.`,
    field: 'wizard',
    fix: `Delete ${file} and the wizard starts from the beginning (nothing else is lost).`,
  });
}
