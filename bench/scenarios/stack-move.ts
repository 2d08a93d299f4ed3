// Stack move: the stand-in stack (every catalog service, two config volumes with 32 MiB of known content each) moved
// between two private dockerds on this machine (tests/fixtures/engine/stack-move-setup.ts): the target check, the
// whole move (stop → copy + verify the volumes → write the stack files → start and wait healthy → link test), and
// each phase timed from the move's own progress pushes. Both engines share this machine's disk and CPU, so the copy
// rate is the engines' archive API (tar out, tar in, read back to verify), not a network.
import type { PushEvent } from '../../src/core/contract';
import { moveHarness } from '../../tests/fixtures/engine/stack-move-harness';
import { setUpMove } from '../../tests/fixtures/engine/stack-move-setup';
import { round, type Metric } from '../metric';

const PHASES = ['stop-source', 'copy-volumes', 'start-target', 'wire'] as const;

export async function stackMoveScenario(): Promise<Metric[]> {
  const project = `ups-b-move-${Math.random().toString(36).slice(2, 8)}`;
  const setup = await setUpMove(project, { bigBytes: 32 << 20 });
  try {
    const target = { host: setup.b.host };
    const first = new Map<string, number>();
    const last = new Map<string, number>();
    let started = 0;
    const onEvent = (e: PushEvent) => {
      if (e.type !== 'progress') return;
      const now = performance.now() - started;
      if (!first.has(e.progress.step)) first.set(e.progress.step, now);
      last.set(e.progress.step, now);
    };
    const { service } = moveHarness(setup.harness, onEvent);
    const t0 = performance.now();
    const check = await service.check({ target, dataRoot: setup.targetDataRoot });
    const checkMs = performance.now() - t0;
    if (!check.ok) throw new Error(`target check failed: ${check.problems.map((p) => p.message).join('; ')}`);
    started = performance.now();
    const status = await service.run({ target, dataRoot: setup.targetDataRoot });
    const moveMs = performance.now() - started;
    if (status.phase !== 'ready') throw new Error(`move ended in ${status.phase}`);
    const bytes = status.volumes.reduce((n, v) => n + v.bytes, 0);
    // A phase lasts from its first push to the next phase's first push (the last one to the end of the move).
    const phaseMs = (i: number) => (first.get(PHASES[i + 1] ?? '') ?? moveMs) - (first.get(PHASES[i]!) ?? 0);
    const copyS = phaseMs(1) / 1000;
    return [
      {
        name: 'stack-move.check',
        value: round(checkMs / 1000),
        unit: 's',
        note: `${check.images.length} images (architecture), free space and media folder on the target`,
      },
      {
        name: 'stack-move.total',
        value: round(moveMs / 1000),
        unit: 's',
        note: `${check.images.length} stand-in services, ${status.volumes.length} volumes (${round(bytes / 2 ** 20)} MiB) between two dockerds on this machine; ends healthy and link-tested on the target`,
      },
      ...PHASES.map((p, i) => ({ name: `stack-move.${p}`, value: round(phaseMs(i) / 1000), unit: 's' })),
      {
        name: 'stack-move.copy-rate',
        value: round(bytes / 2 ** 20 / Math.max(copyS, 0.001)),
        unit: 'MiB/s',
        note: 'volume bytes / copy phase: stream out of A into B, hashed on the way, then B read back and compared',
      },
    ];
  } finally {
    await setup.destroy();
  }
}
