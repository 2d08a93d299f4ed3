// A failed stack move puts the source back as it was: the target's containers go, the previous stack files come back,
// and the source's services that ran start again. Each undo step that fails is named in the recorded error (with the
// dashboard as the way to start the stack by hand) rather than hiding the move's own cause.
import { UpsFailure } from '../contract/envelope';
import { writeInstallFiles } from '../fs/install-writer';
import { composeDown } from '../engine/compose/down';
import { composeStart } from '../engine/compose/start';
import type { DockerEndpoint } from '../engine/docker-endpoint';
import type { MoveContext } from './stack-move-deps';
import { loadPreviousFiles, type MoveRecord } from './stack-move-record';

/** Puts the source back as it was: target containers gone, previous stack files back, the source's services up. */
export async function rollBackMove(
  ctx: MoveContext,
  rec: MoveRecord,
  target: DockerEndpoint,
  operationId: string,
  cause: unknown,
): Promise<void> {
  const { deps } = ctx;
  ctx.progress(operationId, 'roll-back', 0, 1, 'The move failed: starting the stack again on this engine');
  const steps: string[] = [];
  if (rec.phase === 'starting-target' || rec.phase === 'wiring')
    await deps
      .composeTargetFor(target)
      .then((t) => composeDown(t))
      .catch((e: Error) => steps.push(`the target's containers could not be removed (${e.message})`));
  if (rec.previousSaved) {
    const previous = await loadPreviousFiles(deps.stateDir).catch(() => null);
    if (previous)
      await writeInstallFiles(await ctx.requireRoot(), previous).catch((e: Error) =>
        steps.push(`the stack files could not be put back (${e.message})`),
      );
  }
  if (rec.running.length)
    await deps
      .composeTargetFor(deps.source)
      .then((t) => composeStart(t, rec.running))
      .catch((e: Error) => steps.push(`the stack could not be started again here (${e.message})`));
  const { message, fix = 'Fix the cause, then move again.' } = moveFailure(cause).error;
  rec.phase = 'rolled-back';
  rec.lastError = {
    message: steps.length ? `${message} Rolling back: ${steps.join('; ')}.` : message,
    fix: steps.length ? `${fix} Then start the stack here from the dashboard.` : fix,
  };
  await ctx.save(rec).catch(() => undefined);
  ctx.progress(operationId, 'roll-back', 1, 1, 'The stack runs on this engine as before');
}

/** The failure a move answers with: its own UpsFailure as is, anything else as "could not be moved". */
export function moveFailure(err: unknown): UpsFailure {
  if (err instanceof UpsFailure) return err;
  return new UpsFailure({
    code: 'INTERNAL',
    message: `The stack could not be moved: ${err instanceof Error ? err.message : String(err)}`,
    fix: 'The stack runs here as before. Fix the cause on the target, then check it and move again.',
  });
}
