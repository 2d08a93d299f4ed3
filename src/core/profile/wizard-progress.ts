// Persists the setup wizard's progress (no secrets) as wizard.json in the per-user config dir, atomically, read back
// through the one state-file reader (path, field and fix on damage; never guessed at or silently replaced).
import { join } from 'node:path';
import { UpsFailure, WizardProgressSchema, type WizardProgress } from '../contract';
import { fromZodError } from '../contract/envelope';
import { writeFileAtomic } from '../fs/atomic-write';
import { isDamaged, readStateFile, setAsideDamaged, type StateFileSpec } from '../fs/read-state-file';

export const WIZARD_FILE = 'wizard.json';

export function wizardFile(configDir: string): string {
  return join(configDir, WIZARD_FILE);
}

const spec: StateFileSpec<WizardProgress> = {
  what: 'The saved setup progress',
  schema: WizardProgressSchema,
  fix: `Start setup again: the damaged file is kept beside it as ${WIZARD_FILE}.corrupt-<time> and nothing else is lost.`,
  action: { action: 'setup.start', input: {}, label: 'Start setup again' },
};

/** null when the wizard never ran; a damaged file is reported with its path and how to start over. */
export async function loadWizardProgress(configDir: string): Promise<WizardProgress | null> {
  return readStateFile(wizardFile(configDir), spec);
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
  // Saving after a damaged file was reported is the user starting setup again (the fix): keep the old file aside.
  if (await isDamaged(wizardFile(configDir), spec)) await setAsideDamaged(wizardFile(configDir), now);
  await writeFileAtomic(wizardFile(configDir), `${JSON.stringify({ ...parsed.data, savedAt }, null, 2)}\n`, {
    mode: 0o600,
  });
  return { savedAt };
}
