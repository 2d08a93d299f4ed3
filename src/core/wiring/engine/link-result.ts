// Builders for link-test results, so every client reports a failure the same way: what broke, and how to fix it.
import { UpsFailure } from '../../contract';
import type { LinkTestResult } from '../wiring-types';

type LinkEnds = Pick<LinkTestResult, 'id' | 'from' | 'to'>;

export function okLink(ends: LinkEnds, detail: string): LinkTestResult {
  return { ...ends, ok: true, detail };
}

/** Turns anything a client threw into a failed result; UpsFailure (and HttpFailure) carry their own fix. */
export function failedLink(
  ends: LinkEnds,
  err: unknown,
  fallbackFix = 'Check that the service is running (`ups status`), then run `ups links` again.',
): LinkTestResult {
  if (err instanceof UpsFailure)
    return { ...ends, ok: false, detail: err.error.message, fix: err.error.fix ?? fallbackFix };
  return { ...ends, ok: false, detail: err instanceof Error ? err.message : String(err), fix: fallbackFix };
}
