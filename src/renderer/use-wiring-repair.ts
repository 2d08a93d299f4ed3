// Retry / Repair of the wiring: wiring.apply on a fresh operation (its progress rows follow the pushes), then
// links.test, so the screen shows the links as they are after the repair.
import { useCallback, useState } from 'react';
import { linkRowOf, type LinkRow, type UpsError, type WiringApplyResult } from '../core/contract';
import { useAction } from './use-action';
import { useOperation, type Operation } from './use-operation';

export interface WiringRepair {
  run(opts?: { confirmDeletes?: boolean }): Promise<void>;
  busy: boolean;
  /** The apply or the link tests could not be asked at all (the answer's own failures are in `applied`/`links`). */
  error?: UpsError;
  operation: Operation;
  /** The last repair's apply report and link rows; undefined until the first repair. */
  applied?: WiringApplyResult;
  links?: LinkRow[];
}

export function useWiringRepair(): WiringRepair {
  const apply = useAction('wiring.apply');
  const test = useAction('links.test');
  const operation = useOperation('wiring');
  const [applied, setApplied] = useState<WiringApplyResult>();
  const [links, setLinks] = useState<LinkRow[]>();
  const { run: sendApply } = apply;
  const { run: sendTest } = test;
  const { next } = operation;
  // `confirmDeletes`: the user confirmed the deletions the plan lists (arr.yml sections with prune: true).
  const run = useCallback(
    async (opts: { confirmDeletes?: boolean } = {}) => {
      const a = await sendApply({ operationId: next(), ...(opts.confirmDeletes ? { confirmDeletes: true } : {}) });
      if (!a.ok) return;
      setApplied(a.value);
      const t = await sendTest({});
      if (t.ok) setLinks(t.value.links.map(linkRowOf));
    },
    [sendApply, sendTest, next],
  );
  return {
    run,
    busy: apply.busy || test.busy,
    error: apply.error ?? test.error,
    operation,
    applied,
    links,
  };
}
