// The migration's own state in its state folder: migration.json (atomic writes), the journal beside it, and a pid lock
// so two copiers never run at once and a crashed one is recognised as "interrupted".
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { FixActionSchema } from '../contract/fix-action';
import { UpsFailure } from '../contract/envelope';
import { MigratePhaseSchema, MigratePlanSchema, MigrateProgressSchema } from '../contract/migrate';
import { writeFileAtomic } from '../fs/atomic-write';
import { readStateFile, setAsideDamaged, type StateFileSpec } from '../fs/read-state-file';
import { readJournal } from './journal';

export const MigrationRecordSchema = z.object({
  plan: MigratePlanSchema,
  phase: MigratePhaseSchema,
  targetDev: z.number(),
  recopied: z.array(z.string()),
  progress: MigrateProgressSchema.nullable(),
  lastError: z
    .object({ message: z.string(), fix: z.string().optional(), action: FixActionSchema.optional() })
    .nullable(),
  switchInfo: z
    .object({
      composeFile: z.string(),
      backup: z.string().optional(),
      switchedAt: z.string(),
      counts: z.record(z.string(), z.number()),
      skipped: z.record(z.string(), z.string()).optional(),
    })
    .nullable(),
  sourceDeleted: z.boolean(),
});
export type MigrationRecord = z.infer<typeof MigrationRecordSchema>;

export const stateFiles = (dir: string) => ({
  record: path.join(dir, 'migration.json'),
  journal: path.join(dir, 'journal.jsonl'),
  lock: path.join(dir, 'copy.lock'),
});

const recordSpec: StateFileSpec<MigrationRecord> = {
  what: 'The migration record',
  schema: MigrationRecordSchema,
  fix: 'Plan the migration again: the damaged record is kept beside it as migration.json.corrupt-<time>. If the stack was already switched to the NAS, check the data folder in the stack settings first.',
  action: { action: 'migrate.plan', input: {}, label: 'Plan the migration again' },
};

export async function loadRecord(dir: string): Promise<MigrationRecord | null> {
  return readStateFile(stateFiles(dir).record, recordSpec);
}

/**
 * For a new plan (the fix the damage reports name): the previous record and journal as far as they can be read, and a
 * function that keeps whatever was damaged aside (renamed, never deleted) before the new plan is saved.
 */
export async function previousState(dir: string): Promise<{
  record: MigrationRecord | null;
  setAsideDamaged: () => Promise<string[]>;
}> {
  const files = stateFiles(dir);
  const damaged: string[] = [];
  let record: MigrationRecord | null = null;
  try {
    record = await loadRecord(dir);
  } catch (err) {
    if (!(err instanceof UpsFailure)) throw err;
    damaged.push(files.record);
  }
  try {
    if (readJournal(files.journal).damagedLine !== undefined) damaged.push(files.journal);
  } catch (err) {
    if (!(err instanceof UpsFailure)) throw err;
    damaged.push(files.journal);
  }
  return {
    record,
    setAsideDamaged: async () => {
      const moved: string[] = [];
      for (const f of damaged) {
        const to = await setAsideDamaged(f);
        if (to) moved.push(to);
      }
      return moved;
    },
  };
}

export async function saveRecord(dir: string, rec: MigrationRecord): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(stateFiles(dir).record, `${JSON.stringify(rec, null, 2)}\n`, { mode: 0o600 });
}

/** The pid holding the copy lock, if that process is still alive. */
export async function lockHolder(dir: string): Promise<number | null> {
  const pid = Number((await readFile(stateFiles(dir).lock, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/** Takes the copy lock (replacing a dead holder's); returns the release function. */
export async function acquireLock(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const holder = await lockHolder(dir);
  if (holder !== null && holder !== process.pid)
    throw new Error(`A migration copy is already running (process ${holder}).`);
  await rm(stateFiles(dir).lock, { force: true });
  const fh = await open(stateFiles(dir).lock, 'wx');
  await fh.writeFile(String(process.pid));
  await fh.close();
  return () => rm(stateFiles(dir).lock, { force: true });
}
