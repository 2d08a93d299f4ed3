// Builders for link-test results, so every client reports a failure the same way: what broke, and how to fix it.
import { UpsFailure } from '../../contract';
import type { LinkTestResult } from '../wiring-types';
import { fixAction } from '../../contract/fix-action';

type LinkEnds = Pick<LinkTestResult, 'id' | 'from' | 'to'>;

export function okLink(ends: LinkEnds, detail: string): LinkTestResult {
  return { ...ends, ok: true, detail };
}

/** Turns anything a client threw into a failed result; UpsFailure (and HttpFailure) carry their own fix. */
export function failedLink(
  ends: LinkEnds,
  err: unknown,
  fallbackFix = 'Check that the service is running (start the stack if it is stopped), then test the links again.',
): LinkTestResult {
  // Without a fix of its own, the way out is the stack running: the fallback text says so and offers to start it.
  const fallback = { fix: fallbackFix, action: fixAction('stack.up') };
  if (err instanceof UpsFailure)
    return {
      ...ends,
      ok: false,
      detail: err.error.message,
      ...(err.error.fix ? { fix: err.error.fix, ...(err.error.action ? { action: err.error.action } : {}) } : fallback),
    };
  return { ...ends, ok: false, detail: err instanceof Error ? err.message : String(err), ...fallback };
}
