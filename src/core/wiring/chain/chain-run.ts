// Walks the chain's hops in order, stops at the first broken one, then always cleans up what the hops made.
import { UpsFailure } from '../../contract';
import { chainHops, type ChainCheckResult, type ChainHop, type ChainHopResult } from '../../contract/chain';
import type { FixAction } from '../../contract/fix-action';
import { fixAction } from '../../contract/fix-action';

/** What one hop found; `hint` is the fix in words, `fix` the action a door can perform. */
export interface HopOutcome {
  ok: boolean;
  detail: string;
  hint?: string;
  fix?: FixAction;
}

export interface ChainStep {
  hop: ChainHop;
  /** Uses the services' own APIs; may throw (a thrown error is this hop's failure, with the error's own fix). */
  run(): Promise<HopOutcome>;
}

export interface Chain {
  steps: ChainStep[];
  /** Removes whatever the hops created (the sample, its link, the scan of it); runs whether or not a hop broke. */
  cleanup?: () => Promise<HopOutcome>;
}

export const passed = (detail: string): HopOutcome => ({ ok: true, detail });
export const broken = (detail: string, hint: string, fix?: FixAction): HopOutcome => ({
  ok: false,
  detail,
  hint,
  ...(fix ? { fix } : {}),
});

/** A thrown error as a broken hop: a UpsFailure (HttpFailure included) carries its own fix; anything else offers a start. */
export function hopError(err: unknown): HopOutcome {
  if (err instanceof UpsFailure)
    return {
      ok: false,
      detail: err.error.message,
      hint: err.error.fix ?? 'Check that the service is running, then check the chain again.',
      ...(err.error.action ? { fix: err.error.action } : {}),
    };
  return broken(
    err instanceof Error ? err.message : String(err),
    'Check that the stack is running, then check the chain again.',
    fixAction('stack.up'),
  );
}

export interface RunChainOptions {
  /** Called as each hop finishes (the dashboard shows them as they come). */
  onHop?: (r: ChainHopResult) => void;
  now?: () => number;
}

export async function runChain(chain: Chain, opts: RunChainOptions = {}): Promise<ChainCheckResult> {
  const now = opts.now ?? Date.now;
  const hops: ChainHopResult[] = [];
  let cleaned: HopOutcome = passed('nothing to clean up');
  try {
    for (const step of chain.steps) {
      const started = now();
      const outcome = await step.run().catch(hopError);
      const r: ChainHopResult = { hop: step.hop, ...outcome, durationMs: Math.max(0, Math.round(now() - started)) };
      hops.push(r);
      opts.onHop?.(r);
      if (!r.ok) break;
    }
  } finally {
    // Cleanup runs in finally so a crash in a hop never leaves the sample behind; its own failure is reported below.
    if (chain.cleanup) cleaned = await chain.cleanup().catch(hopError);
  }
  const walked = new Set(hops.map((h) => h.hop));
  const planned = chain.steps.map((s) => s.hop);
  const notRun = chainHops.filter((h) => planned.includes(h) && !walked.has(h));
  const ok = hops.every((h) => h.ok) && notRun.length === 0;
  if (!cleaned.ok) {
    const last = hops.at(-1);
    if (last) last.detail += ` The sample could not be removed again: ${cleaned.detail}`;
  }
  return { ok, hops, notRun, cleanedUp: cleaned.ok };
}
