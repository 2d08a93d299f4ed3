// The state file of a stack move: move.json (the journal, rewritten atomically after every step and every verified
// volume so a kill -9 resumes from the last recorded step), the stack files as they were before the move (kept for the
// rollback) in previous-files.json, and the status a door sees, read from the record and the pid lock.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { EngineTargetSchema, StackMovePhaseSchema, type StackMoveStatus } from '../contract/stack-move';
import { writeFileAtomic } from '../fs/atomic-write';
import type { FileToWrite } from '../fs/install-writer';
import { readStateFile, type StateFileSpec } from '../fs/read-state-file';
import { COMPOSE_FILE, ENV_FILE, STACK_FILE, ARR_CONFIG_FILE } from '../install/install-layout';
import { lockHolder } from './state-store';

const VolumeRecordSchema = z.object({
  key: z.string(),
  name: z.string(),
  service: z.string(),
  image: z.string(),
  bytes: z.number(),
  copied: z.boolean(),
  files: z.number().int(),
  digest: z.string().optional(),
});

export const MoveRecordSchema = z.object({
  id: z.string(),
  target: EngineTargetSchema,
  targetLabel: z.string(),
  dataRoot: z.string().nullable(),
  phase: StackMovePhaseSchema,
  /** The source's services, and which of them ran, when the move began: a rollback restores exactly that. */
  services: z.array(z.string()),
  running: z.array(z.string()),
  volumes: z.array(VolumeRecordSchema),
  /** The stack files as they were before the move (kept for the rollback), once saved. */
  previousSaved: z.boolean(),
  lastError: z.object({ message: z.string(), fix: z.string() }).nullable(),
  links: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
});
export type MoveRecord = z.infer<typeof MoveRecordSchema>;

/** The phases a move is under way in: one found there with no lock holder was interrupted (resume goes on). */
export const ACTIVE_PHASES = new Set(['stopping-source', 'copying', 'writing-compose', 'starting-target', 'wiring']);
const STACK_FILES = [STACK_FILE, COMPOSE_FILE, ENV_FILE, ARR_CONFIG_FILE];

export const moveFiles = (dir: string) => ({
  record: path.join(dir, 'move.json'),
  previous: path.join(dir, 'previous-files.json'),
});

const recordSpec: StateFileSpec<MoveRecord> = {
  what: 'The stack move record',
  schema: MoveRecordSchema,
  fix: 'Check where the stack runs now on the dashboard, then start the move again: the damaged record is kept beside it as move.json.corrupt-<time>.',
};
const previousSpec: StateFileSpec<FileToWrite[]> = {
  what: 'The stack files kept for a move rollback',
  schema: z.array(z.object({ name: z.string(), content: z.string() })),
  fix: 'Restore the previous stack files from the install folder’s .backups, then start the move again.',
};

export function loadMoveRecord(stateDir: string): Promise<MoveRecord | null> {
  return readStateFile(moveFiles(stateDir).record, recordSpec);
}

export async function writeMoveRecord(stateDir: string, rec: MoveRecord): Promise<void> {
  await writeFileAtomic(moveFiles(stateDir).record, `${JSON.stringify(rec, null, 2)}\n`, { mode: 0o600 });
}

/** Keeps the install's stack files as they are now (those that exist), for the rollback to put back. */
export async function savePreviousFiles(stateDir: string, root: string): Promise<void> {
  const files: FileToWrite[] = [];
  for (const name of STACK_FILES) {
    const content = await readFile(path.join(root, name), 'utf8').catch(() => null);
    if (content !== null) files.push({ name, content });
  }
  await writeFileAtomic(moveFiles(stateDir).previous, JSON.stringify(files), { mode: 0o600 });
}

export function loadPreviousFiles(stateDir: string): Promise<FileToWrite[] | null> {
  return readStateFile(moveFiles(stateDir).previous, previousSpec);
}

/** What a door sees of a move: its record, and "interrupted" when it is under way but no process holds the lock. */
export async function moveStatus(stateDir: string, rec: MoveRecord | null): Promise<StackMoveStatus> {
  if (!rec)
    return {
      phase: 'none',
      id: null,
      target: null,
      dataRoot: null,
      volumes: [],
      interrupted: false,
      lastError: null,
      links: [],
    };
  const holder = await lockHolder(stateDir);
  return {
    phase: rec.phase,
    id: rec.id,
    target: rec.targetLabel,
    dataRoot: rec.dataRoot,
    volumes: rec.volumes.map((v) => ({ name: v.key, bytes: v.bytes, copied: v.copied, files: v.files })),
    interrupted: ACTIVE_PHASES.has(rec.phase) && holder === null,
    lastError: rec.lastError,
    links: rec.links,
  };
}
