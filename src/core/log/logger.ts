// The app's pino logger (docs/decisions.md D4): every line is redacted by value just before it is written, so a secret is
// replaced wherever it appears — message, nested field, error message or stack — whatever key carries it.
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { CENSORED, redactPaths } from './censor';
import { secretRedactor, type Redactor } from './redactor';

export type { Logger } from 'pino';

export { redactPaths } from './censor';

export interface LoggerSetup {
  /** Where lines go: a pino destination, a stream, or anything with write(line). Defaults to stdout. */
  destination?: DestinationStream;
  level?: LoggerOptions['level'];
  name?: string;
  redactor?: Redactor;
}

/** Wraps a destination so each serialized line passes through the redactor first. */
export function redactingStream(inner: DestinationStream, redactor: Redactor): DestinationStream {
  return { write: (line: string) => inner.write(redactor.redact(line)) };
}

export function createLogger(setup: LoggerSetup = {}): Logger {
  const redactor = setup.redactor ?? secretRedactor;
  const inner = setup.destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    {
      name: setup.name ?? 'ups',
      level: setup.level ?? 'info',
      redact: { paths: redactPaths, censor: CENSORED },
    },
    redactingStream(inner, redactor),
  );
}
