// The one shape every call returns through every door: errors travel as data, never as thrown objects.
import * as z from 'zod';
import { FixActionSchema } from './fix-action';

export const errorCodes = [
  'BAD_INPUT',
  'UNKNOWN_CHANNEL',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'ENGINE_UNREACHABLE',
  'COMPOSE_MISSING',
  'VAULT_UNAVAILABLE',
  'NOT_FOUND',
  // A per-caller or overall cap was hit (e.g. followed logs); the message names the limit.
  'LIMIT_REACHED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const UpsErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  field: z.string().optional(),
  /** What to do, in plain words: never a command line (a CLI command shows only through `action`). */
  fix: z.string().optional(),
  /** The fix as something the door performs: a button in the app, the exact command line in the CLI. */
  action: FixActionSchema.optional(),
});
export type UpsError = z.infer<typeof UpsErrorSchema>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: UpsError };

export function envelopeSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: UpsErrorSchema }),
  ]);
}

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });

export function fail(
  code: ErrorCode,
  message: string,
  extra: Pick<UpsError, 'field' | 'fix' | 'action'> = {},
): Envelope<never> {
  return { ok: false, error: { code, message, ...extra } };
}

/** A failure that core code throws deliberately; the dispatcher turns it into an envelope as-is. */
export class UpsFailure extends Error {
  constructor(readonly error: UpsError) {
    super(error.message);
    this.name = 'UpsFailure';
  }
}

/** Turns a zod failure into an envelope error naming the first offending field (dotted path) and how to fix it. */
export function fromZodError(err: z.ZodError, root: string): UpsError {
  const issue = err.issues[0];
  const path = issue ? [root, ...issue.path.map(String)].filter(Boolean).join('.') : root;
  const message = issue ? `${path}: ${issue.message}` : `${root}: invalid input`;
  return {
    code: 'BAD_INPUT',
    message,
    field: path,
    fix: issue ? fixFor(issue, path) : `Check ${root} against the documented shape.`,
  };
}

function fixFor(issue: z.core.$ZodIssue, path: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Give ${path} a value of type ${issue.expected}.`;
    case 'unrecognized_keys':
      return `Remove the unknown key(s) ${issue.keys.join(', ')} from ${path}.`;
    case 'invalid_value':
      return `Use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'too_small':
    case 'too_big':
      return `Bring ${path} within the allowed range (${issue.message}).`;
    default:
      return `Correct ${path}: ${issue.message}.`;
  }
}
