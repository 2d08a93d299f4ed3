// The step sequence of a stack move, from whatever phase its record holds to `ready`: stop the source (its apps'
// databases must not change while their volumes are read), copy every config volume through the two engines (verified
// byte for byte; one caught mid-copy by a kill is copied again into a fresh volume), write the stack files for the
// target (the previous ones kept first), start on the target and wait healthy, then wire with the target's host and
// test the links. Every step is recorded before the next begins, so `resume` starts exactly where a kill left off.
import { UpsFailure } from '../contract/envelope';
import type { StackMoveStatus } from '../contract/stack-move';
import { writeInstallFiles } from '../fs/install-writer';
import { composeStop } from '../engine/compose/stop';
import { composeUp } from '../engine/compose/up';
import { copyVolume } from '../engine/volume-archive';
import { waitUntilHealthy } from '../stack/wait-healthy';
import type { MoveContext } from './stack-move-deps';
import { moveStatus, savePreviousFiles, type MoveRecord } from './stack-move-record';
import { moveFailure, rollBackMove } from './stack-move-rollback';

/** Carries a move on from its recorded phase to `ready`; rolls back and throws on any failure. */
export async function proceedWithMove(
  ctx: MoveContext,
  rec: MoveRecord,
  operationId: string,
): Promise<StackMoveStatus> {
  const { deps, save, progress } = ctx;
  const target = deps.endpointFor(rec.target);
  try {
    const sourceCompose = await deps.composeTargetFor(deps.source);
    if (rec.phase === 'stopping-source') {
      progress(operationId, 'stop-source', 0, 1, 'Stopping the stack on this engine');
      if (rec.running.length) await composeStop(sourceCompose, []);
      rec.phase = 'copying';
      await save(rec, 'stopped-source');
    }
    if (rec.phase === 'copying') {
      const total = rec.volumes.reduce((n, v) => n + v.bytes, 0);
      let done = rec.volumes.filter((v) => v.copied).reduce((n, v) => n + v.bytes, 0);
      for (const [i, v] of rec.volumes.entries()) {
        if (v.copied) continue;
        progress(operationId, 'copy-volumes', i, rec.volumes.length, `Copying ${v.key}`, { done, total });
        const labels = { 'com.docker.compose.project': deps.project, 'com.docker.compose.volume': v.key };
        let sent = 0;
        const r = await copyVolume(
          { docker: deps.source.docker, volume: v.name, image: v.image },
          { docker: target.docker, volume: v.name, image: v.image },
          labels,
          (n) => (sent += n),
        );
        Object.assign(v, {
          copied: true,
          files: r.source.files,
          digest: r.source.digest,
          bytes: Math.max(v.bytes, r.source.bytes),
        });
        done += Math.max(v.bytes, sent);
        await save(rec, `copied:${v.key}`);
      }
      progress(
        operationId,
        'copy-volumes',
        rec.volumes.length,
        rec.volumes.length,
        'Every volume copied and verified',
        {
          done: total,
          total,
        },
      );
      rec.phase = 'writing-compose';
      await save(rec, 'copied');
    }
    if (rec.phase === 'writing-compose') {
      const root = await ctx.requireRoot();
      if (!rec.previousSaved) {
        await savePreviousFiles(deps.stateDir, root);
        rec.previousSaved = true;
        await save(rec, 'saved-previous');
      }
      await writeInstallFiles(root, await deps.filesFor(rec.dataRoot, target.serviceHost));
      rec.phase = 'starting-target';
      await save(rec, 'wrote-compose');
    }
    if (rec.phase === 'starting-target') {
      progress(operationId, 'start-target', 0, rec.services.length, `Starting the stack on ${rec.targetLabel}`);
      // As at install (docs/decisions.md D7): the folders exist and hardlink on the engine's own host.
      const data = await deps.prepareData(target);
      if (!data.ok)
        throw new UpsFailure({
          code: 'INTERNAL',
          message: `The media folder on the target is not usable: ${data.detail}`,
          fix: data.fix ?? 'Pick a media folder on the target where files can be written and hard-linked.',
        });
      const targetCompose = await deps.composeTargetFor(target);
      await composeUp(targetCompose, []);
      await waitUntilHealthy(
        target.docker,
        deps.project,
        rec.running.length ? rec.running : rec.services,
        deps.healthTimeoutMs,
      );
      progress(
        operationId,
        'start-target',
        rec.services.length,
        rec.services.length,
        'Every service is healthy on the target',
      );
      rec.phase = 'wiring';
      await save(rec, 'started-target');
    }
    if (rec.phase === 'wiring') {
      progress(operationId, 'wire', 0, 1, `Connecting the apps at ${target.serviceHost}`);
      const report = await deps.wire(target.serviceHost, operationId);
      rec.links = report.links;
      if (!report.ok) {
        const first = report.problems[0] ?? { message: 'a link test failed', fix: 'See the links.' };
        throw new UpsFailure({ code: 'INTERNAL', message: `On the target, ${first.message}`, fix: first.fix });
      }
      // From here the app talks to the target: the stack runs there, healthy and wired.
      await deps.useEngine(rec.target);
      rec.phase = 'ready';
      rec.lastError = null;
      await save(rec, 'ready');
      progress(
        operationId,
        'wire',
        1,
        1,
        'The stack runs on the target; the old stack is stopped and kept until you remove it',
      );
    }
    return moveStatus(deps.stateDir, rec);
  } catch (err) {
    await rollBackMove(ctx, rec, target, operationId, err);
    throw moveFailure(err);
  }
}
