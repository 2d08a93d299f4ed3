// Where a door's log file lives and how it is rotated: shared by the pino file logger and the line log, without pino.
import { renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Past this size the file is renamed to `<door>.log.1` (the one previous file kept) when a door starts. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;

export type LogDoor = 'cli' | 'electron';

export const logFilePath = (configDir: string, door: LogDoor) => join(configDir, 'logs', `${door}.log`);

export function rotateIfLarge(path: string, maxBytes: number): void {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return; // no file yet
  }
  if (size > maxBytes) renameSync(path, `${path}.1`);
}
