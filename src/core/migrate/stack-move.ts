// Moves the installed stack to another Docker engine (issue "Move the stack to another engine"): check the target,
// stop the stack on the source (its apps' databases must not change while their volumes are read), copy every config
// volume through the two engines (verified byte for byte), write the stack files for the target (atomically, the
// previous ones kept in the move's state), start on the target, wait healthy, wire with the target's host and test
// the links. Only then is the stack "ready" there; removing the old stack is a separate, confirmed call.
//
// Journaled like the NAS copy (migrate/journal.ts, state-store.ts): the record is rewritten atomically after every
// step and every verified volume, under a pid lock, so after a kill -9 `resume` goes on from the last recorded step (a
// volume caught mid-copy is copied again into a fresh volume). Any failure before `ready` rolls back: the target's
// containers go, the previous stack files come back, and the source stack is started again as it was.
//
// This file is the service (its calls, the lock, the run/resume/remove guards); the parts live beside it:
// stack-move-check.ts (the target check), stack-move-record.ts (move.json and the kept stack files),
// stack-move-steps.ts (the step sequence), stack-move-rollback.ts (the undo), stack-move-deps.ts (what it is given).
import { UpsFailure } from '../contract/envelope';
import type { EngineTarget, StackMoveCheck, StackMoveRunInput, StackMoveStatus } from '../contract/stack-move';
import { composeDown } from '../engine/compose/down';
import { acquireLock } from './state-store';
import { checkTarget, readSourceStack } from './stack-move-check';
import { moveContext, type StackMoveDeps } from './stack-move-deps';
import { ACTIVE_PHASES, loadMoveRecord, moveStatus, type MoveRecord } from './stack-move-record';
import { proceedWithMove } from './stack-move-steps';

export type { LinkReport, StackMoveDeps } from './stack-move-deps';

export interface StackMoveService {
  check(input: { target: EngineTarget; dataRoot?: string }): Promise<StackMoveCheck>;
  run(input: StackMoveRunInput): Promise<StackMoveStatus>;
  resume(input: { operationId?: string }): Promise<StackMoveStatus>;
  status(): Promise<StackMoveStatus>;
  removeSource(input: { operationId?: string }): Promise<StackMoveStatus>;
}

const newId = () => `move-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export function createStackMoveService(deps: StackMoveDeps): StackMoveService {
  const ctx = moveContext(deps);
  const { save, progress } = ctx;
  const load = () => loadMoveRecord(deps.stateDir);

  async function check(input: { target: EngineTarget; dataRoot?: string }): Promise<StackMoveCheck> {
    const target = deps.endpointFor(input.target);
    const stack = await readSourceStack(deps.source.docker, deps.project);
    return checkTarget(
      { source: deps.source, target, project: deps.project, ...(input.dataRoot ? { dataRoot: input.dataRoot } : {}) },
      stack,
    );
  }

  async function begin<T>(work: () => Promise<T>): Promise<T> {
    const release = await acquireLock(deps.stateDir).catch((err: Error) => {
      throw new UpsFailure({
        code: 'BAD_INPUT',
        message: err.message.replace('migration copy', 'stack move'),
        fix: 'Wait for it to finish.',
      });
    });
    try {
      return await work();
    } finally {
      await release();
    }
  }

  return {
    check,
    status: async () => moveStatus(deps.stateDir, await load()),
    run: (input) =>
      begin(async () => {
        const prev = await load();
        if (prev && (ACTIVE_PHASES.has(prev.phase) || prev.phase === 'ready'))
          throw new UpsFailure({
            code: 'BAD_INPUT',
            message:
              prev.phase === 'ready'
                ? `The stack was already moved to ${prev.targetLabel}.`
                : `A move to ${prev.targetLabel} was interrupted.`,
            fix:
              prev.phase === 'ready' ? 'Remove the old stack, or keep it.' : 'Resume it: it goes on where it stopped.',
          });
        const result = await check(input);
        if (!result.ok) {
          const [first, ...rest] = result.problems;
          throw new UpsFailure({
            code: 'BAD_INPUT',
            field: 'target',
            message: `The target is not ready: ${first!.message}${rest.length ? ` (and ${rest.length} more)` : ''}`,
            fix: first!.fix,
          });
        }
        const stack = await readSourceStack(deps.source.docker, deps.project);
        const rec: MoveRecord = {
          id: newId(),
          target: input.target,
          targetLabel: result.engine.label,
          dataRoot: input.dataRoot ?? null,
          phase: 'stopping-source',
          services: stack.services.map((s) => s.service),
          running: stack.services.filter((s) => s.running).map((s) => s.service),
          volumes: stack.volumes.map((v) => ({ ...v, copied: false, files: 0 })),
          previousSaved: false,
          lastError: null,
          links: [],
        };
        await save(rec, 'planned');
        return proceedWithMove(ctx, rec, input.operationId ?? rec.id);
      }),
    resume: (input) =>
      begin(async () => {
        const rec = await load();
        if (!rec || !ACTIVE_PHASES.has(rec.phase))
          throw new UpsFailure({
            code: 'NOT_FOUND',
            message: rec
              ? `There is no interrupted move to resume (the last one is ${rec.phase}).`
              : 'There is no move to resume.',
            fix: 'Start a move with a target engine.',
          });
        return proceedWithMove(ctx, rec, input.operationId ?? rec.id);
      }),
    removeSource: (input) =>
      begin(async () => {
        const rec = await load();
        if (!rec || rec.phase !== 'ready')
          throw new UpsFailure({
            code: 'BAD_INPUT',
            message: 'The old stack can be removed only after a move finished (phase ready).',
            fix: 'Move the stack first; the old one is kept until then.',
          });
        const operationId = input.operationId ?? `${rec.id}-remove`;
        progress(operationId, 'remove-source', 0, 1, 'Removing the old stack on this engine');
        await composeDown(await deps.composeTargetFor(deps.source));
        // Only volumes whose copy was verified on the target; anything else stays.
        for (const v of rec.volumes.filter((x) => x.copied))
          await deps.source.docker
            .getVolume(v.name)
            .remove()
            .catch(() => undefined);
        rec.phase = 'removed';
        await save(rec, 'removed');
        progress(operationId, 'remove-source', 1, 1, 'The old stack is removed');
        return moveStatus(deps.stateDir, rec);
      }),
  };
}
