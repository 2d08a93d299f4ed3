// The doors' log file without pino (docs/decisions.md D4, D31): the CLI writes two lines per command ("command
// started/finished") and loading pino's module tree for them cost `ups status` a good share of its start-up. Each line
// is the record pino writes (level number, time, pid, hostname, name, the fields, msg), censored by key name like
// pino's redact paths and redacted by value like every line the app logs; file-logger.test.ts checks both agree.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { censorKeys } from './censor';
import { LOG_MAX_BYTES, rotateIfLarge } from './log-file';
import { secretRedactor, type Redactor } from './redactor';

/** pino's level numbers, so readers of the file see one format whichever writer wrote a line. */
export const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;
export type LevelName = keyof typeof LEVELS;

type Write = (fields: Record<string, unknown>, msg: string) => void;

export interface LineLog {
  info: Write;
  warn: Write;
  error: Write;
}

export interface LineLogSetup {
  path: string;
  name: string;
  /** The lowest level written (pino's level names); unknown names fall back to info. */
  level?: string;
  redactor?: Redactor;
  maxBytes?: number;
}

/** An Error as pino's err serializer writes it (type, message, stack, then its own fields). */
function jsonValue(_key: string, value: unknown): unknown {
  if (value instanceof Error)
    return {
      type: value.name,
      message: value.message,
      stack: value.stack,
      ...Object.fromEntries(Object.entries(value)),
    };
  return typeof value === 'bigint' ? value.toString() : value;
}

/** One record, key order as pino writes it. */
export function formatLine(
  name: string,
  level: number,
  fields: Record<string, unknown>,
  msg: string,
  now = Date.now(),
) {
  let body: string;
  try {
    body = JSON.stringify(censorKeys(fields), jsonValue).slice(1, -1);
  } catch (err) {
    body = `"logError":${JSON.stringify(err instanceof Error ? err.message : String(err))}`;
  }
  const head = `{"level":${level},"time":${now},"pid":${process.pid},"hostname":${JSON.stringify(hostname())},"name":${JSON.stringify(name)}`;
  return `${head}${body ? `,${body}` : ''},"msg":${JSON.stringify(msg)}}\n`;
}

/**
 * Appends records to `path`, opened on the first line written (created 0600, folders made, rotated past maxBytes).
 * Writes are synchronous: a CLI run ends with process exit. A log must never stop the app, so a file that cannot be
 * opened or written drops the lines.
 */
export function createLineLog(setup: LineLogSetup): LineLog {
  const redactor = setup.redactor ?? secretRedactor;
  const min = LEVELS[(setup.level ?? 'info') as LevelName] ?? LEVELS.info;
  let fd: number | null | undefined;
  const open = (): number | null => {
    try {
      rotateIfLarge(setup.path, setup.maxBytes ?? LOG_MAX_BYTES);
      mkdirSync(dirname(setup.path), { recursive: true });
      return openSync(setup.path, 'a', 0o600);
    } catch {
      return null;
    }
  };
  const write =
    (level: number): Write =>
    (fields, msg) => {
      if (level < min) return;
      fd ??= open();
      if (fd === null) return;
      try {
        writeSync(fd, redactor.redact(formatLine(setup.name, level, fields, msg)));
      } catch {
        const broken = fd;
        fd = null;
        try {
          closeSync(broken);
        } catch {
          // already unusable: the lines are dropped either way
        }
      }
    };
  return { info: write(LEVELS.info), warn: write(LEVELS.warn), error: write(LEVELS.error) };
}
