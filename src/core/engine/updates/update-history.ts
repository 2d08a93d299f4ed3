// The update history in the install root (no secrets: image references and IDs only), appended atomically.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { UpdateRecordSchema, type UpdateRecord } from '../../contract';
import { writeFileAtomic } from '../../fs/atomic-write';

export const UPDATE_HISTORY_FILE = join('state', 'update-history.json');
const HistorySchema = z.array(UpdateRecordSchema);

export async function readHistory(root: string): Promise<UpdateRecord[]> {
  let text: string;
  try {
    text = await readFile(join(root, UPDATE_HISTORY_FILE), 'utf8');
  } catch {
    return [];
  }
  const parsed = HistorySchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`${UPDATE_HISTORY_FILE} is not a valid update history: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export async function appendHistory(root: string, record: UpdateRecord): Promise<void> {
  const all = [...(await readHistory(root)), record].slice(-100);
  await writeFileAtomic(join(root, UPDATE_HISTORY_FILE), `${JSON.stringify(all, null, 2)}\n`);
}
