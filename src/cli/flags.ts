// Flag values are parsed at the door with zod: a bad value is a usage error (exit 2) whose message names the flag
// (commander prefixes "option '--tail <n>' argument 'x' is invalid.") and says what to give instead.
import { InvalidArgumentError } from 'commander';
import * as z from 'zod';
import {
  LogsInputSchema,
  MigratePlanInputSchema,
  ServiceNameSchema,
  SmbOptionsSchema,
  UpdateApplyInputSchema,
} from '../core/contract';

/** A commander argument parser for one flag or argument, validated by `schema`; `fix` says what would be accepted. */
export function parseWith<T>(flag: string, schema: z.ZodType<T, string>, fix: string): (value: string) => T {
  return (value: string) => {
    const r = schema.safeParse(value);
    if (!r.success)
      throw new InvalidArgumentError(`${flag} ${r.error.issues[0]?.message ?? 'is not accepted'}. ${fix}`);
    return r.data;
  };
}

/** A whole number in text, then the contract's own bounds (so the door and the core never disagree). */
export const whole = (bounds: z.ZodType<number, number>) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(bounds);

const positive = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'must be a positive number')
  .transform(Number)
  .pipe(z.number().positive('must be more than 0').max(86_400, 'must be at most 86400'));

export const parseTail = parseWith(
  '--tail',
  whole(LogsInputSchema.shape.tail.unwrap()),
  'Give how many lines to show, from 1 to 10000, e.g. --tail 200.',
);
export const parseHealthTimeout = parseWith(
  '--timeout',
  whole(UpdateApplyInputSchema.shape.healthTimeoutSec.unwrap()),
  'Give seconds from 5 to 3600, e.g. --timeout 180.',
);
export const parseSeconds = parseWith('--timeout', positive, 'Give a number of seconds, e.g. --timeout 300.');
export const parseMillis = parseWith('--interval', positive, 'Give a number of milliseconds, e.g. --interval 2000.');
export const parseId = parseWith(
  '--uid/--gid',
  whole(z.number().int().max(2_147_483_647, 'must be at most 2147483647')),
  'Give the numeric id, e.g. 1000.',
);
export const parsePort = parseWith(
  '--port',
  whole(z.number().int().max(65535, 'must be at most 65535')),
  'Give a port from 0 to 65535 (0 = any free port), e.g. --port 8080.',
);
export const parseSmbVersion = parseWith(
  '--smb-version',
  SmbOptionsSchema.shape.version.unwrap(),
  `Give one of: ${SmbOptionsSchema.shape.version.unwrap().options.join(', ')}.`,
);
export const parseServiceName = parseWith(
  '<service>',
  ServiceNameSchema,
  'Give a service name as `ups status` lists it, e.g. radarr.',
);

export const parseMigrateTo = parseWith(
  '--to',
  MigratePlanInputSchema.shape.to,
  'Give the target folder, e.g. --to /mnt/nas/data (or --to \\\\nas\\media on Windows).',
);
export const parseMigrateFrom = parseWith(
  '--from',
  MigratePlanInputSchema.shape.from.unwrap(),
  'Give the folder that holds torrents/, usenet/ and media/, e.g. --from /srv/media.',
);

/** Variadic service arguments: commander passes each value and the list so far. */
export function collectService(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), parseServiceName(value)];
}
