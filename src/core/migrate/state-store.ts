// The migration's own state in its state folder: migration.json (atomic writes), the journal beside it, and a pid lock
// so two copiers never run at once and a crashed one is recognised as "interrupted".
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { FixActionSchema } from '../contract/fix-action';
import { MigratePhaseSchema, MigratePlanSchema, MigrateProgressSchema } from '../contract/migrate';
import { writeFileAtomic } from '../fs/atomic-write';

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

export async function loadRecord(dir: string): Promise<MigrationRecord | null> {
  let text: string;
  try {
    text = await readFile(stateFiles(dir).record, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = MigrationRecordSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(
      `${stateFiles(dir).record} is not a migration record (${parsed.error.issues[0]?.message}); delete it to start over.`,
    );
  return parsed.data;
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
