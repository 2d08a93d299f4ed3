// Keeps the VPN watch's record in the install root (no secrets: verdicts, reasons, addresses): the last check and
// the last alert, written atomically, so `ups status` and support can say why the download clients were stopped.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { VpnCheck } from '../contract';
import { writeFileAtomic } from '../fs/atomic-write';

export const VPN_WATCH_FILE = join('state', 'vpn-watch.json');

export interface VpnWatchRecord {
  last?: VpnCheck;
  lastAlert?: VpnCheck;
}

export async function readVpnWatchRecord(root: string): Promise<VpnWatchRecord> {
  try {
    return JSON.parse(await readFile(join(root, VPN_WATCH_FILE), 'utf8')) as VpnWatchRecord;
  } catch {
    return {};
  }
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
  const prev = await readVpnWatchRecord(root);
  const alert = check.verdict === 'leak' || check.verdict === 'tunnel-down';
  const next: VpnWatchRecord = { last: check, lastAlert: alert ? check : prev.lastAlert };
  await writeFileAtomic(join(root, VPN_WATCH_FILE), `${JSON.stringify(next, null, 2)}\n`);
}
