// Every Windows parser answers data or a reason: garbage, truncated or unexpected output never throws.
export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'unsupported' | 'error-code' | 'unrecognised' | 'empty'; detail: string; codes: string[] };

export const parsed = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const notParsed = (
  reason: Exclude<Parsed<never>, { ok: true }>['reason'],
  detail: string,
  codes: string[] = [],
): Parsed<never> => ({ ok: false, reason, detail, codes });
