// The doors' log file (docs/decisions.md D4): `<per-user config dir>/logs/<door>.log`, JSON lines, redacted by value like every
// line the app logs. A log must never stop the app, so a file that cannot be opened degrades to no log, with the reason.
import { pino } from 'pino';
import { LOG_MAX_BYTES, logFilePath, rotateIfLarge, type LogDoor } from './log-file';
import { createLogger, type Logger } from './logger';
import type { Redactor } from './redactor';

export { LOG_MAX_BYTES, logFilePath, type LogDoor } from './log-file';

export interface FileLogger {
  log: Logger;
  /** Where lines go, or null when the file could not be opened (then `error` says why). */
  path: string | null;
  error?: string;
}

export function createFileLogger(opts: {
  configDir: string;
  door: LogDoor;
  redactor?: Redactor;
  level?: string;
  maxBytes?: number;
}): FileLogger {
  const path = logFilePath(opts.configDir, opts.door);
  const common = {
    name: `ups-${opts.door}`,
    ...(opts.redactor ? { redactor: opts.redactor } : {}),
    ...(opts.level ? { level: opts.level } : {}),
  };
  try {
    rotateIfLarge(path, opts.maxBytes ?? LOG_MAX_BYTES);
    // Sync writes: a CLI run ends with process exit, and an async buffer would lose its last lines.
    const destination = pino.destination({ dest: path, append: true, sync: true, mkdir: true, mode: 0o600 });
    return { log: createLogger({ ...common, destination }), path };
  } catch (err) {
    return {
      log: createLogger({ ...common, destination: { write: () => undefined } }),
      path: null,
      error: err instanceof Error ? err.message : String(err),
    };
  }
}
