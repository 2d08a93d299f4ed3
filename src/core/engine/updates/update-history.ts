// The update history in the install root (no secrets: image references and IDs only), appended atomically and read
// back through the one state-file reader: a damaged history is reported (path + fix), never read as "no updates yet"
// and never overwritten by the next append.
import { join } from 'node:path';
import * as z from 'zod';
import { UpdateRecordSchema, type UpdateRecord } from '../../contract';
import { writeFileAtomic } from '../../fs/atomic-write';
import { readStateFile, setAsideDamaged, type StateFileSpec } from '../../fs/read-state-file';

export const UPDATE_HISTORY_FILE = join('state', 'update-history.json');
const HistorySchema = z.array(UpdateRecordSchema);

const spec: StateFileSpec<UpdateRecord[]> = {
  what: 'The update history',
  schema: HistorySchema,
  fix: 'Set the damaged history aside: it is kept beside it as update-history.json.corrupt-<time> and a new history starts (rolling back needs an update made after that).',
  action: { action: 'file.setAside', input: { file: 'updateHistory' }, label: 'Set the damaged history aside' },
};

export function historyFile(root: string): string {
  return join(root, UPDATE_HISTORY_FILE);
}

/** [] when no update ran yet (no file); a damaged file is reported with its path and fix. */
export async function readHistory(root: string): Promise<UpdateRecord[]> {
  return (await readStateFile(historyFile(root), spec)) ?? [];
}

/** The fix of a damaged history, run when the user chooses it: renames the file aside and answers where it went. */
export async function setAsideHistory(root: string, now: Date = new Date()): Promise<string | null> {
  return setAsideDamaged(historyFile(root), now);
}

export async function appendHistory(root: string, record: UpdateRecord): Promise<void> {
  const all = [...(await readHistory(root)), record].slice(-100);
  await writeFileAtomic(historyFile(root), `${JSON.stringify(all, null, 2)}\n`);
}
