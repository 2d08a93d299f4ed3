// Persists the dashboard's after-install checklist (next-steps.json in the per-user config dir), atomically, read back
// through the one state-file reader: a damaged file is reported with its path, never silently reset.
import { join } from 'node:path';
import { NextStepsSchema, UpsFailure, nextStepIds, type NextSteps } from '../contract';
import { fromZodError } from '../contract/envelope';
import { writeFileAtomic } from '../fs/atomic-write';
import { isDamaged, readStateFile, setAsideDamaged, type StateFileSpec } from '../fs/read-state-file';

export const NEXT_STEPS_FILE = 'next-steps.json';

const spec: StateFileSpec<NextSteps> = {
  what: 'The list of next steps you ticked off',
  schema: NextStepsSchema,
  fix: `Tick the steps again: the damaged file is kept beside it as ${NEXT_STEPS_FILE}.corrupt-<time>.`,
};

/** Nothing ticked yet when the file does not exist. */
export async function loadNextSteps(configDir: string): Promise<NextSteps> {
  return (await readStateFile(join(configDir, NEXT_STEPS_FILE), spec)) ?? { done: [] };
}

export async function saveNextSteps(configDir: string, steps: NextSteps, now: Date = new Date()): Promise<NextSteps> {
  const parsed = NextStepsSchema.safeParse(steps);
  if (!parsed.success) throw new UpsFailure(fromZodError(parsed.error, 'nextSteps'));
  // Saving after a damaged file was reported is the user ticking again (the fix): keep the old file aside.
  const file = join(configDir, NEXT_STEPS_FILE);
  if (await isDamaged(file, spec)) await setAsideDamaged(file, now);
  // Once each, in the checklist's order: the file reads the same whatever order the user ticked in.
  const done = nextStepIds.filter((id) => parsed.data.done.includes(id));
  await writeFileAtomic(file, `${JSON.stringify({ done }, null, 2)}\n`, { mode: 0o600 });
  return { done };
}
