// Keeps the VPN watch's record in the install root (no secrets: verdicts, reasons, addresses): the last check and
// the last alert, written atomically, so `ups status` and support can say why the download clients were stopped.
// A damaged record is reported (path + fix) and left as it is: it may hold the last alert, so it is never overwritten.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { VpnCheckSchema, type VpnCheck } from '../contract';
import { writeFileAtomic } from '../fs/atomic-write';
import { readStateFile, setAsideDamaged, type StateFileSpec } from '../fs/read-state-file';

export const VPN_WATCH_FILE = join('state', 'vpn-watch.json');

const VpnWatchRecordSchema = z.object({ last: VpnCheckSchema.optional(), lastAlert: VpnCheckSchema.optional() });
export type VpnWatchRecord = z.infer<typeof VpnWatchRecordSchema>;

const spec: StateFileSpec<VpnWatchRecord> = {
  what: 'The record of the VPN watch',
  schema: VpnWatchRecordSchema,
  fix: 'Set the damaged record aside: it is kept beside it as vpn-watch.json.corrupt-<time> (it may hold the last alert) and the next check starts a new record.',
  action: { action: 'file.setAside', input: { file: 'vpnWatch' }, label: 'Set the damaged record aside' },
};

export function vpnWatchFile(root: string): string {
  return join(root, VPN_WATCH_FILE);
}

/** {} when no check was recorded yet; a damaged record is reported with its path and fix. */
export async function readVpnWatchRecord(root: string): Promise<VpnWatchRecord> {
  return (await readStateFile(vpnWatchFile(root), spec)) ?? {};
}

/** The fix of a damaged record, run when the user chooses it: renames the file aside and answers where it went. */
export async function setAsideVpnWatchRecord(root: string, now: Date = new Date()): Promise<string | null> {
  return setAsideDamaged(vpnWatchFile(root), now);
}

export async function recordVpnCheck(root: string | null, check: VpnCheck): Promise<void> {
  // Never create an install root: a recorded pointer to a folder that is gone (or a test's fake one) gets nothing.
  if (
    !root ||
    !(await stat(root).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    return;
  // Throws on a damaged record: the caller (the watch) goes on acting, and the damaged file keeps its last alert.
  const prev = await readVpnWatchRecord(root);
  const alert = check.verdict === 'leak' || check.verdict === 'tunnel-down';
  const next: VpnWatchRecord = { last: check, lastAlert: alert ? check : prev.lastAlert };
  await writeFileAtomic(vpnWatchFile(root), `${JSON.stringify(next, null, 2)}\n`);
}
